package com.rabaislocal.sdk.monitoring.alerts;

/**
 * Where alerts go: a log, an email, a Slack channel. A channel's failure is logged by the engine and never stops
 * the other channels.
 */
public interface AlertChannel {

    /** @return the channel's name for logs, e.g. {@code slack} */
    String name();

    /**
     * Tells whether this channel takes alerts of a severity.
     *
     * @param severity the alert's severity
     * @return default true
     */
    default boolean accepts(Severity severity) {
        return true;
    }

    /**
     * Sends one alert.
     *
     * @param alert the alert
     * @throws RuntimeException when it could not be sent (logged by the engine)
     */
    void send(Alert alert);
}
