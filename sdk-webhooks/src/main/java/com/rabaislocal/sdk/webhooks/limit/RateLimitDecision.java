package com.rabaislocal.sdk.webhooks.limit;

import java.time.Duration;

/**
 * The answer of a {@link RateLimiter}: whether the request may pass, and what to tell the client in
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code Retry-After}.
 *
 * @param allowed true when the request consumed a permit
 * @param limit the permits of the period
 * @param remaining permits left in the current period after this request (0 when refused)
 * @param retryAfter when refused, how long until a permit is back; {@link Duration#ZERO} when allowed
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, Duration retryAfter) {

    /**
     * The {@code Retry-After} value in whole seconds, rounded up and at least 1 when refused.
     *
     * @return seconds to wait; 0 when allowed
     */
    public long retryAfterSeconds() {
        if (allowed) {
            return 0;
        }
        long ms = retryAfter.toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }
}
