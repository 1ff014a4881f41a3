package com.rabaislocal.sdk.monitoring.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification about a rule: it started firing, it is still firing (a reminder), or it stopped.
 *
 * @param rule the rule's name, e.g. {@code database-down}
 * @param severity the rule's severity
 * @param kind firing, reminder or resolved
 * @param message what was measured, in words, without secrets (e.g. {@code "error rate 7.5% over the last 5 min
 *     (6 of 80 calls)"})
 * @param startedAt when the rule started firing
 * @param at when this notification was made
 */
public record Alert(String rule, Severity severity, Kind kind, String message, Instant startedAt, Instant at) {

    /** What the notification says of the rule. */
    public enum Kind {
        /** The rule started firing. */
        FIRING,
        /** The rule still fires; sent every reminder interval. */
        REMINDER,
        /** The rule stopped firing. */
        RESOLVED
    }

    /**
     * Checks the fields.
     *
     * @param rule the rule's name, e.g. {@code database-down}
     * @param severity the rule's severity
     * @param kind firing, reminder or resolved
     * @param message what was measured, in words, without secrets (e.g. {@code "error rate 7.5% over the last 5 min
     *     (6 of 80 calls)"})
     * @param startedAt when the rule started firing
     * @param at when this notification was made
     * @throws NullPointerException when a field is null
     */
    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(at, "at");
    }

    /** @return a one-line summary, e.g. {@code [CRITICAL] FIRING database-down: ...} */
    public String summary() {
        return "[" + severity + "] " + kind + " " + rule + ": " + message;
    }
}
