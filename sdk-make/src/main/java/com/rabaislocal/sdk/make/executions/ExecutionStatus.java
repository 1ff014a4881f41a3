package com.rabaislocal.sdk.make.executions;

import java.util.Locale;

/**
 * The outcome of a Make execution, read leniently from a log's numeric {@code status} (0 running, 1 success,
 * 2 warning, 3 error) or an execution's text ({@code RUNNING}, {@code SUCCESS}, {@code WARNING}, {@code ERROR}).
 */
public enum ExecutionStatus {
    /** Still running (or pending). */
    RUNNING,
    /** Finished without error. */
    SUCCESS,
    /** Finished, with warnings (a handled error). */
    WARNING,
    /** Failed. */
    ERROR,
    /** A value this SDK does not know, or none (an edit-history entry). */
    UNKNOWN;

    /**
     * Reads a status as Make sends it.
     *
     * @param value {@code 0..3}, {@code "1"} or {@code "SUCCESS"} (any case); null gives {@link #UNKNOWN}
     * @return the status
     */
    public static ExecutionStatus parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "0", "RUNNING", "PENDING" -> RUNNING;
            case "1", "SUCCESS" -> SUCCESS;
            case "2", "WARNING" -> WARNING;
            case "3", "ERROR" -> ERROR;
            default -> UNKNOWN;
        };
    }

    /** @return true for a finished execution (success, warning or error) */
    public boolean finished() {
        return this == SUCCESS || this == WARNING || this == ERROR;
    }
}
