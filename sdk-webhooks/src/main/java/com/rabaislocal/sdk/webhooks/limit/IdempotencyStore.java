package com.rabaislocal.sdk.webhooks.limit;

import java.time.Duration;

/**
 * Remembers keys for a while so that the first claimant of a key wins: a webhook's event id (a duplicate delivery is
 * answered 200 and not handed on), or a signed message's id and timestamp (a replay is refused). From a
 * {@link StateStore}: in memory, or on Redis ({@code SET NX PX}) so that every instance sees every claim.
 *
 * <p>Thread-safe.
 */
public interface IdempotencyStore {

    /**
     * Claims a key for a time.
     *
     * @param key the key
     * @param ttl how long the claim lasts; at least 1 ms
     * @return true for the first claim of the key within its time, false when the key is already claimed
     */
    boolean claim(String key, Duration ttl);

    /**
     * Drops a claim, so that the next claim of the key wins again (used when a handler failed and the sender's retry
     * must be processed).
     *
     * @param key the key
     */
    void release(String key);
}
