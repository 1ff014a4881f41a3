package com.rabaislocal.sdk.mailersend;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The rate-limit and daily-quota values MailerSend puts on its answers, successes and errors alike:
 * {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} (requests per minute) and {@code X-ApiQuota-Remaining}
 * and {@code X-ApiQuota-Reset} (requests per day, {@code -1} meaning unlimited; reset at the next UTC midnight).
 * Each value is empty when the answer did not carry it or carried something that is not a number (time).
 *
 * @param limit requests allowed per minute on this endpoint
 * @param remaining requests left in the current minute
 * @param quotaRemaining requests left today; {@code -1} when the plan has no daily quota
 * @param quotaReset when the daily quota resets
 */
public record RateLimitInfo(OptionalLong limit, OptionalLong remaining, OptionalLong quotaRemaining,
                            Optional<Instant> quotaReset) {

    /** Values for an answer that carried none. */
    public static final RateLimitInfo NONE = new RateLimitInfo(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), Optional.empty());

    /**
     * Reads the values from headers.
     *
     * @param header the first value of a header by name (any case), or null when absent
     * @return the values found
     */
    public static RateLimitInfo fromHeaders(Function<String, String> header) {
        return new RateLimitInfo(number(header.apply("x-ratelimit-limit")),
                number(header.apply("x-ratelimit-remaining")), number(header.apply("x-apiquota-remaining")),
                instant(header.apply("x-apiquota-reset")));
    }

    /**
     * Reads the values from a header map (case-insensitive names), as an {@code ApiError} keeps them.
     *
     * @param headers name to values
     * @return the values found
     */
    public static RateLimitInfo fromHeaderMap(Map<String, List<String>> headers) {
        return fromHeaders(name -> {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return h.getValue().get(0);
                }
            }
            return null;
        });
    }

    /** @return true when the daily quota is limited and used up */
    public boolean quotaExhausted() {
        return quotaRemaining.isPresent() && quotaRemaining.getAsLong() == 0;
    }

    private static OptionalLong number(String v) {
        if (v == null || v.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<Instant> instant(String v) {
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(v.strip()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(v.strip()));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
