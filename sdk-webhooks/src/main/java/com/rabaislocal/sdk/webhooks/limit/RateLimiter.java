package com.rabaislocal.sdk.webhooks.limit;

/**
 * Counts requests per key against a {@link RateLimit}. Implementations come from a {@link StateStore}: in memory for
 * one instance, on Redis when several instances must share one count.
 *
 * <p>Thread-safe.
 */
public interface RateLimiter {

    /**
     * Consumes one permit for a key, if one is left.
     *
     * @param key who is counted (a client IP, possibly with a route); not null
     * @param limit the limit for that key
     * @return whether the request may pass, with the figures for the client's headers
     */
    RateLimitDecision tryAcquire(String key, RateLimit limit);
}
