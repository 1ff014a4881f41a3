package com.rabaislocal.sdk.make.executions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.json.SdkJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioHealthTest {

    private static final Instant NOW = Instant.parse("2026-07-08T00:00:00Z");

    private static ScenarioLog log(int hoursAgo, ExecutionStatus status, long ms) {
        return new ScenarioLog("id" + hoursAgo, "", 1, status, LogType.AUTO, Duration.ofMillis(ms), 1, 100, 0,
                NOW.minus(Duration.ofHours(hoursAgo)), Optional.empty(), SdkJson.mapper().createObjectNode());
    }

    @Test
    void aWarningEndsAFailureRunAndRunningExecutionsAreIgnored() {
        List<ScenarioLog> logs = List.of(log(1, ExecutionStatus.RUNNING, 0), log(2, ExecutionStatus.ERROR, 10),
                log(3, ExecutionStatus.WARNING, 20), log(4, ExecutionStatus.ERROR, 30));
        ScenarioHealth h = ScenarioHealth.compute(1, logs, NOW.minus(Duration.ofDays(1)), NOW);
        assertEquals(3, h.executions());
        assertEquals(1, h.consecutiveFailures());
        assertEquals(1, h.warnings());
        assertEquals(0.0, h.successRate());
        assertEquals(Duration.ofMillis(20), h.meanDuration());
        assertEquals(Optional.of(NOW.minus(Duration.ofHours(2))), h.lastExecution());
        assertFalse(h.failing(5));
    }

    @Test
    void aFailureRunReachesBackBeforeTheWindow() {
        List<ScenarioLog> logs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            logs.add(log(i * 10, ExecutionStatus.ERROR, 5));
        }
        logs.add(log(100, ExecutionStatus.SUCCESS, 5));
        ScenarioHealth h = ScenarioHealth.compute(1, logs, NOW.minus(Duration.ofHours(25)), NOW);
        assertEquals(2, h.executions());
        assertEquals(1.0, h.failureRate());
        assertEquals(7, h.consecutiveFailures());
        assertTrue(h.failing(5));
    }

    @Test
    void theWalkStopsOncePastTheWindowAndTheRun() {
        List<ScenarioLog> logs = List.of(log(1, ExecutionStatus.SUCCESS, 5), log(48, ExecutionStatus.ERROR, 5));
        int[] read = {0};
        Iterable<ScenarioLog> counting = () -> new Iterator<>() {
            final Iterator<ScenarioLog> it = logs.iterator();

            public boolean hasNext() {
                return it.hasNext();
            }

            public ScenarioLog next() {
                read[0]++;
                return it.next();
            }
        };
        ScenarioHealth h = ScenarioHealth.compute(1, counting, NOW.minus(Duration.ofDays(1)), NOW);
        assertEquals(2, read[0]);
        assertEquals(0, h.consecutiveFailures());
        assertEquals(1, h.executions());
        assertThrows(IllegalArgumentException.class, () -> h.failing(0));
        assertEquals(0.0, ScenarioHealth.compute(1, List.of(), NOW.minusSeconds(1), NOW).failureRate());
    }
}
