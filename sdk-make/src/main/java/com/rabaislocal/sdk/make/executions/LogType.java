package com.rabaislocal.sdk.make.executions;

import java.util.Locale;

/** The kind of a scenario log entry: an execution ({@code auto}, {@code manual}) or an edit-history event. */
public enum LogType {
    /** A scheduled or triggered execution. */
    AUTO,
    /** An execution started by hand or through the API. */
    MANUAL,
    /** The scenario was activated (edit history; no status). */
    START,
    /** The scenario was deactivated (edit history). */
    STOP,
    /** The scenario was edited (edit history). */
    MODIFY,
    /** A value this SDK does not know. */
    UNKNOWN;

    /**
     * Reads a type as Make sends it.
     *
     * @param value e.g. {@code "auto"}; null gives {@link #UNKNOWN}
     * @return the type
     */
    public static LogType parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
