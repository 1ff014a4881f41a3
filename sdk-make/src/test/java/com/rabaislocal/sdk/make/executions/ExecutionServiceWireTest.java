package com.rabaislocal.sdk.make.executions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.make.MakeWire;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionServiceWireTest {

    private final MakeWire wire;

    ExecutionServiceWireTest() throws Exception {
        wire = new MakeWire();
    }

    @AfterEach
    void close() throws Exception {
        wire.close();
    }

    static String log(String id, long epochMs, int status, long duration) {
        return "{\"imtId\":\"" + epochMs + "_" + id + "\",\"id\":\"" + id + "\",\"status\":" + status
                + ",\"type\":\"auto\",\"eventType\":\"EXECUTION_END\",\"duration\":" + duration
                + ",\"operations\":3,\"centicredits\":300,\"transfer\":1024,\"organizationId\":9,\"teamId\":42,"
                + "\"timestamp\":\"" + Instant.ofEpochMilli(epochMs) + "\""
                + (status == 3 ? ",\"error\":{\"name\":\"BundleValidationError\",\"message\":\"Validation failed\"}" : "")
                + "}";
    }

    @Test
    void logsAreReadWithTheirFiltersAndShapes() throws Exception {
        Instant from = Instant.parse("2026-07-01T00:00:00Z");
        Instant to = Instant.parse("2026-07-08T00:00:00Z");
        wire.enqueue(200, "{\"scenarioLogs\":[" + log("a".repeat(32), to.toEpochMilli() - 1000, 3, 1500) + ","
                + "{\"imtId\":\"" + (to.toEpochMilli() - 5000) + "_1\",\"id\":\"17\",\"type\":\"modify\","
                + "\"authorName\":\"Ana\"}],\"pg\":{\"sortBy\":\"imtId\",\"sortDir\":\"desc\",\"limit\":50,\"offset\":0}}");
        List<ScenarioLog> logs = wire.client.executions().logs(5, LogListParams.builder().from(from).to(to)
                .status(ExecutionStatus.ERROR).build()).toList();
        assertEquals(2, logs.size());
        ScenarioLog exec = logs.get(0);
        assertEquals(ExecutionStatus.ERROR, exec.status());
        assertEquals(Duration.ofMillis(1500), exec.duration());
        assertEquals(3, exec.operations());
        assertEquals("BundleValidationError", exec.error().orElseThrow().name());
        assertTrue(exec.isExecution());
        assertFalse(logs.get(1).isExecution(), "an edit-history entry is no execution");
        assertEquals(LogType.MODIFY, logs.get(1).type());
        assertEquals("/api/v2/scenarios/5/logs?from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli()
                + "&status=3&pg%5Boffset%5D=0&pg%5Blimit%5D=100", wire.take().getTarget());
    }

    @Test
    void oneLogAndIncompleteExecutions() throws Exception {
        String id = "0123456789abcdef0123456789abcdef";
        wire.enqueue(200, "{\"scenarioLog\":" + log(id, 1783000000000L, 1, 800) + "}");
        assertEquals(ExecutionStatus.SUCCESS, wire.client.executions().log(5, id).status());
        assertEquals("/api/v2/scenarios/5/logs/" + id, wire.take().getTarget());

        wire.enqueue(200, "{\"dlqs\":[{\"id\":\"" + id + "\",\"reason\":\"Connection timeout\","
                + "\"created\":\"2026-07-02T10:00:00.000Z\",\"size\":2048,\"resolved\":false,\"retry\":true,\"attempts\":2}]}");
        IncompleteExecution dlq = wire.client.executions().incomplete(5).toList().get(0);
        assertEquals("Connection timeout", dlq.reason());
        assertEquals(2, dlq.attempts());
        assertEquals("/api/v2/dlqs?scenarioId=5&pg%5Boffset%5D=0&pg%5Blimit%5D=100", wire.take().getTarget());
    }

    @Test
    void teamAndOrganizationUsage() throws Exception {
        wire.enqueue(200, "{\"data\":[{\"date\":\"02-07-2026\",\"operations\":18,\"dataTransfer\":4096,"
                + "\"centicredits\":\"1800\"}]}");
        assertEquals(List.of(new DailyUsage(LocalDate.of(2026, 7, 2), 18, 4096, 1800)),
                wire.client.executions().teamUsage());
        assertEquals("/api/v2/teams/42/usage", wire.take().getTarget());

        wire.enqueue(200, "{\"team\":{\"id\":42,\"name\":\"RabaisLocal\",\"organizationId\":9}}");
        wire.enqueue(200, "{\"data\":[]}");
        assertEquals(List.of(), wire.client.executions().organizationUsage());
        assertEquals("/api/v2/teams/42", wire.take().getTarget());
        assertEquals("/api/v2/organizations/9/usage", wire.take().getTarget());
    }

    @Test
    void healthReadsOnlyTheLogItNeeds() throws Exception {
        long now = wire.clock.instant().toEpochMilli();
        long hour = 3_600_000L;
        StringBuilder page = new StringBuilder("{\"scenarioLogs\":[");
        // Newest first: 5 failures, a success, then older runs outside a 24 h window.
        for (int i = 0; i < 5; i++) {
            page.append(log(String.format("%032x", i), now - (i + 1) * hour, 3, 1000)).append(',');
        }
        page.append(log(String.format("%032x", 5), now - 6 * hour, 1, 4000)).append(',');
        page.append(log(String.format("%032x", 6), now - 30 * hour, 3, 1000));
        page.append("]}");
        wire.enqueue(200, page.toString());
        ScenarioHealth h = wire.client.executions().health(5, Duration.ofHours(24));
        assertEquals(6, h.executions());
        assertEquals(5, h.failures());
        assertEquals(1, h.successes());
        assertEquals(5, h.consecutiveFailures());
        assertTrue(h.failing(ScenarioHealth.DEFAULT_FAILURE_THRESHOLD));
        assertEquals(Duration.ofMillis(9000 / 6), h.meanDuration());
        assertEquals(5.0 / 6, h.failureRate(), 1e-9);
        assertEquals(1, wire.server.getRequestCount(), "a short page ends the walk");
    }
}
