package com.rabaislocal.sdk.webhooks.limit;

import com.rabaislocal.sdk.webhooks.internal.Problems;
import java.time.Duration;

/**
 * A limit: at most {@code permits} requests per {@code period} for one key (one client IP). The whole allowance comes
 * back at once at the end of each period (Bucket4j's interval refill), so "10 a minute" admits exactly 10 in any
 * minute that starts when the first of them arrives.
 *
 * @param permits requests allowed per period; 1 to 1,000,000,000 (Bucket4j's arithmetic overflows far above)
 * @param period the period; at least one millisecond
 */
public record RateLimit(long permits, Duration period) {

    /** The largest allowance of one period. */
    public static final long MAX_PERMITS = 1_000_000_000L;

    /** The seed's webhook limit: 10 requests a minute per IP. */
    public static final RateLimit WEBHOOK_DEFAULT = perMinute(10);

    /** The seed's API limit: 100 requests a minute per IP. */
    public static final RateLimit API_DEFAULT = perMinute(100);

    /**
     * Checks the values.
     *
     * @param permits requests allowed per period; 1 to 1,000,000,000 (Bucket4j's arithmetic overflows far above)
     * @param period the period; at least one millisecond
     * @throws com.rabaislocal.sdk.core.error.ValidationException when permits is outside 1..MAX_PERMITS or the period is shorter
     *     than a millisecond
     */
    public RateLimit {
        Problems p = new Problems();
        p.require(permits >= 1 && permits <= MAX_PERMITS, "permits",
                "must be between 1 and " + MAX_PERMITS + ", was " + permits);
        p.require(period != null && period.toMillis() >= 1, "period", "must be at least 1 ms, was " + period);
        p.throwIfAny("rate limit");
    }

    /**
     * A limit per minute.
     *
     * @param permits requests a minute
     * @return the limit
     */
    public static RateLimit perMinute(long permits) {
        return new RateLimit(permits, Duration.ofMinutes(1));
    }

    /** @return a short text such as {@code 10/PT1M}, used in bucket keys so a changed limit gets a fresh bucket */
    public String tag() {
        return permits + "/" + period;
    }
}
