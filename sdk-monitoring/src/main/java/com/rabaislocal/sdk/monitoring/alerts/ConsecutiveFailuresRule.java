package com.rabaislocal.sdk.monitoring.alerts;

import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.monitoring.health.HealthResult;
import com.rabaislocal.sdk.monitoring.health.HealthStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * Fires when a health check is {@link HealthStatus#DOWN} a number of times in a row, and resolves at the first check
 * that is not: one lost answer is not an outage. The seed's "database down" is this rule over the Supabase check.
 */
public final class ConsecutiveFailuresRule implements AlertRule {

    private final String name;
    private final Severity severity;
    private final HealthCheck check;
    private final int inARow;
    private int failures;
    private HealthResult last;

    /**
     * Creates the rule.
     *
     * @param name the rule's name, e.g. {@code database-down}
     * @param severity its severity
     * @param check the check, run at each evaluation
     * @param inARow how many DOWN results in a row fire the rule, at least 1
     */
    public ConsecutiveFailuresRule(String name, Severity severity, HealthCheck check, int inARow) {
        if (inARow < 1) {
            throw new IllegalArgumentException(name + ": inARow must be at least 1, was " + inARow);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.check = Objects.requireNonNull(check, "check");
        this.inARow = inARow;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    /** @return the result of the last check run by this rule, or null before the first */
    public HealthResult lastResult() {
        return last;
    }

    @Override
    public Evaluation evaluate(Instant now) {
        last = check.check();
        failures = last.status() == HealthStatus.DOWN ? failures + 1 : 0;
        String message = check.name() + " " + last.status() + " (" + last.reason() + "), " + failures
                + " failed check(s) in a row";
        return failures >= inARow ? Evaluation.firing(message) : Evaluation.ok(message);
    }
}
