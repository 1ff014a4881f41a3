package com.rabaislocal.sdk.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a server's wait hint: {@code Retry-After-Ms} (milliseconds) first, then {@code Retry-After} as seconds or
 * as an HTTP-date.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Parses the hint from the two header values.
     *
     * @param retryAfterMs the {@code Retry-After-Ms} value, may be null
     * @param retryAfter the {@code Retry-After} value, may be null
     * @param now the current time, to turn an HTTP-date into a delay
     * @return the delay asked for, never negative; empty when absent or unreadable
     */
    public static Optional<Duration> parse(String retryAfterMs, String retryAfter, Instant now) {
        if (retryAfterMs != null) {
            try {
                double ms = Double.parseDouble(retryAfterMs.trim());
                if (ms >= 0 && !Double.isInfinite(ms)) {
                    return Optional.of(Duration.ofNanos((long) (ms * 1_000_000d)));
                }
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After, as other SDKs do
            }
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        String v = retryAfter.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds >= 0 && !Double.isInfinite(seconds)
                    ? Optional.of(Duration.ofMillis((long) (seconds * 1000d)))
                    : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
