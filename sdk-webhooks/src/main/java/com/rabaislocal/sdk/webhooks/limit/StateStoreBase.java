package com.rabaislocal.sdk.webhooks.limit;

import java.time.Duration;

/** The shape both stores share: one rate limiter and one idempotency store per store, over the subclass's engine. */
abstract class StateStoreBase implements StateStore {

    private final RateLimiter rateLimiter = this::tryAcquire;
    private final IdempotencyStore idempotency = new IdempotencyStore() {
        @Override
        public boolean claim(String key, Duration ttl) {
            return claimKey(key, ttl);
        }

        @Override
        public void release(String key) {
            releaseKey(key);
        }
    };

    @Override
    public final RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public final IdempotencyStore idempotency() {
        return idempotency;
    }

    /** {@link RateLimiter#tryAcquire(String, RateLimit)} on this store's engine. */
    abstract RateLimitDecision tryAcquire(String key, RateLimit limit);

    /** {@link IdempotencyStore#claim(String, Duration)} on this store's engine. */
    abstract boolean claimKey(String key, Duration ttl);

    /** {@link IdempotencyStore#release(String)} on this store's engine. */
    abstract void releaseKey(String key);
}
