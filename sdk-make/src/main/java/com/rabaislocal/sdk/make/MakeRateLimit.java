package com.rabaislocal.sdk.make;

import com.rabaislocal.sdk.core.error.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Make's per-organization rate-limit state as its answers report it in {@code x-ratelimit-limit},
 * {@code x-ratelimit-remaining} and {@code x-ratelimit-reset}. The limit is per organization and per minute (Free 30,
 * Core 60, Pro 120, Teams 240, Enterprise 1,000).
 *
 * @param limit requests allowed per minute, or -1 when the header was absent
 * @param remaining requests left in the current minute, or -1 when absent
 * @param reset when the current minute's count resets (from epoch seconds), or null when absent
 */
public record MakeRateLimit(long limit, long remaining, Instant reset) {

    /** The header carrying the limit per minute. */
    public static final String LIMIT_HEADER = "x-ratelimit-limit";
    /** The header carrying the requests left. */
    public static final String REMAINING_HEADER = "x-ratelimit-remaining";
    /** The header carrying the reset time, epoch seconds. */
    public static final String RESET_HEADER = "x-ratelimit-reset";

    /** @return the limit, when the answer carried it */
    public OptionalLong limitIfKnown() {
        return limit < 0 ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** @return the requests left, when the answer carried it */
    public OptionalLong remainingIfKnown() {
        return remaining < 0 ? OptionalLong.empty() : OptionalLong.of(remaining);
    }

    /** @return the reset time, when the answer carried it */
    public Optional<Instant> resetIfKnown() {
        return Optional.ofNullable(reset);
    }

    /**
     * Reads the values from an answer's headers.
     *
     * @param header returns a header's value by name (any case), or null
     * @return the values, or empty when the answer carried none of the three headers
     */
    public static Optional<MakeRateLimit> from(Function<String, String> header) {
        long limit = number(header.apply(LIMIT_HEADER));
        long remaining = number(header.apply(REMAINING_HEADER));
        long reset = number(header.apply(RESET_HEADER));
        if (limit < 0 && remaining < 0 && reset < 0) {
            return Optional.empty();
        }
        return Optional.of(new MakeRateLimit(limit, remaining, reset < 0 ? null : Instant.ofEpochSecond(reset)));
    }

    /**
     * Reads the values a failed call's answer carried.
     *
     * @param e the exception of a Make call
     * @return the values, or empty when the answer carried none
     */
    public static Optional<MakeRateLimit> of(ApiException e) {
        Map<String, List<String>> headers = e.error().headers();
        return from(name -> {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return h.getValue().get(0);
                }
            }
            return null;
        });
    }

    private static long number(String v) {
        if (v == null || v.isBlank()) {
            return -1;
        }
        try {
            long n = Long.parseLong(v.strip());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
