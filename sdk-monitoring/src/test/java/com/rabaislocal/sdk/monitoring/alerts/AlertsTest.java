package com.rabaislocal.sdk.monitoring.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The engine: fire once, remind, resolve; channels isolated and routed by severity. */
class AlertsTest {

    /** A rule whose condition the test sets. */
    static final class Switch implements AlertRule {
        final String name;
        final Severity severity;
        boolean on;
        boolean broken;

        Switch(String name, Severity severity) {
            this.name = name;
            this.severity = severity;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Severity severity() {
            return severity;
        }

        @Override
        public Evaluation evaluate(Instant now) {
            if (broken) {
                throw new IllegalStateException("cannot measure");
            }
            return on ? Evaluation.firing(name + " is on") : Evaluation.ok(name + " is off");
        }
    }

    /** Records what it is sent. */
    static final class Recorder implements AlertChannel {
        final String name;
        final boolean criticalOnly;
        final List<Alert> got = java.util.Collections.synchronizedList(new ArrayList<>());

        Recorder(String name, boolean criticalOnly) {
            this.name = name;
            this.criticalOnly = criticalOnly;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean accepts(Severity s) {
            return !criticalOnly || s == Severity.CRITICAL;
        }

        @Override
        public void send(Alert alert) {
            got.add(alert);
        }

        List<String> kinds() {
            return new ArrayList<>(got).stream().map(a -> a.kind() + " " + a.rule()).collect(Collectors.toList());
        }
    }

    @Test
    void aRuleFiresOnceRemindsWhileItLastsAndResolves() {
        FakeClock clock = FakeClock.create();
        Switch db = new Switch("database-down", Severity.CRITICAL);
        Recorder log = new Recorder("log", false);
        Alerts alerts = Alerts.builder().rule(db).channel(log).clock(clock).remindEvery(Duration.ofMinutes(30))
                .build();

        assertTrue(alerts.evaluate().isEmpty());
        db.on = true;
        assertEquals(1, alerts.evaluate().size());
        clock.advance(Duration.ofMinutes(10));
        assertTrue(alerts.evaluate().isEmpty(), "no duplicate while it lasts");
        clock.advance(Duration.ofMinutes(20));
        assertEquals(Alert.Kind.REMINDER, alerts.evaluate().get(0).kind());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(alerts.evaluate().isEmpty());
        assertTrue(alerts.firing().containsKey("database-down"));
        db.on = false;
        Alert resolved = alerts.evaluate().get(0);
        assertEquals(Alert.Kind.RESOLVED, resolved.kind());
        assertEquals(FakeClock.DEFAULT_START, resolved.startedAt());
        assertEquals(List.of("FIRING database-down", "REMINDER database-down", "RESOLVED database-down"),
                log.kinds());
        assertTrue(alerts.firing().isEmpty());
    }

    @Test
    void aFailingChannelDoesNotSilenceTheOthersAndSeverityRoutes() {
        Switch critical = new Switch("error-rate", Severity.CRITICAL);
        Switch warning = new Switch("cpu", Severity.WARNING);
        critical.on = true;
        warning.on = true;
        Recorder slack = new Recorder("slack", true);
        Recorder email = new Recorder("email", false);
        AlertChannel broken = new AlertChannel() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void send(Alert alert) {
                throw new IllegalStateException("smtp down");
            }
        };
        Alerts alerts = Alerts.builder().rule(critical).rule(warning).channel(broken).channel(slack).channel(email)
                .build();
        alerts.evaluate();
        assertEquals(List.of("FIRING error-rate"), slack.kinds(), "Slack takes critical alerts only");
        assertEquals(List.of("FIRING error-rate", "FIRING cpu"), email.kinds());
    }

    @Test
    void aRuleThatCannotMeasureKeepsItsState() {
        Switch r = new Switch("storage", Severity.WARNING);
        Recorder log = new Recorder("log", false);
        Alerts alerts = Alerts.builder().rule(r).channel(log).build();
        r.on = true;
        alerts.evaluate();
        r.broken = true;
        assertTrue(alerts.evaluate().isEmpty());
        assertTrue(alerts.firing().containsKey("storage"), "still firing: no false resolution");
        assertEquals(1, log.got.size());
    }

    @Test
    void settingsAreValidatedTogether() {
        Switch a = new Switch("x", Severity.WARNING);
        ValidationException e = assertThrows(ValidationException.class, () -> Alerts.builder().rule(a)
                .rule(new Switch("x", Severity.CRITICAL)).remindEvery(Duration.ZERO).build());
        assertTrue(e.getMessage().contains("two rules are named x"), e.getMessage());
        assertTrue(e.getMessage().contains("remindEvery"), e.getMessage());
        assertThrows(ValidationException.class, () -> Alerts.builder().build());
    }

    @Test
    void theScheduleEvaluatesUntilClosed() throws Exception {
        Switch r = new Switch("cpu", Severity.WARNING);
        r.on = true;
        Recorder log = new Recorder("log", false);
        try (Alerts alerts = Alerts.builder().rule(r).channel(log).build()) {
            alerts.start(Duration.ofMillis(20));
            for (int i = 0; i < 200 && log.got.isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertThrows(IllegalStateException.class, () -> alerts.start(Duration.ofMillis(20)));
        }
        assertEquals(1, log.got.size());
    }
}
