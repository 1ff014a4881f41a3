package com.rabaislocal.sdk.webhooks.limit;

import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Where rate-limit counts, failure counts, blocks and idempotency claims live. {@link #inMemory()} serves a single
 * instance; {@link #redis(String, String)} shares everything between the instances behind a load balancer (Bucket4j's
 * Redis integration over Lettuce for the buckets, atomic Redis commands for the rest). Both behave the same; the
 * receiver and the API rate limit take either.
 *
 * <p>Thread-safe. Close it to release the Redis connections it opened (and the client, when it created it).
 */
public interface StateStore extends AutoCloseable {

    /** Default time a Redis command may take before the request is answered 503: 2 seconds. */
    Duration DEFAULT_REDIS_TIMEOUT = Duration.ofSeconds(2);

    /** @return the rate limiter over this store (one instance per store) */
    RateLimiter rateLimiter();

    /**
     * A block list over this store. Every view of one store sees the same failures and blocks, whatever its policy.
     *
     * @param policy when to block and for how long
     * @return the block list
     */
    BlockList blockList(BlockPolicy policy);

    /** @return the idempotency store over this store (one instance per store) */
    IdempotencyStore idempotency();

    /**
     * Releases what the store holds: a Redis store closes its connections (and its client when it created it), and
     * its calls fail afterwards; an in-memory store forgets every count, block and claim.
     */
    @Override
    void close();

    /**
     * A store in this JVM's memory, on the system clock.
     *
     * @return the store
     */
    static StateStore inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /**
     * A store in this JVM's memory.
     *
     * @param clock the clock the buckets, windows and blocks run on (a virtual clock in tests)
     * @return the store
     */
    static StateStore inMemory(Clock clock) {
        return new InMemoryStateStore(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * A store on Redis that creates, and on close shuts down, its own Lettuce client.
     *
     * @param redisUrl a Lettuce URI such as {@code redis://127.0.0.1:6379/0}
     * @param keyPrefix the prefix of every key this store writes, e.g. {@code "rabaislocal:webhooks:"}
     * @return the store
     */
    static StateStore redis(String redisUrl, String keyPrefix) {
        RedisClient client = RedisClient.create(Objects.requireNonNull(redisUrl, "redisUrl"));
        try {
            return new RedisStateStore(client, true, keyPrefix, Clock.systemUTC(), DEFAULT_REDIS_TIMEOUT);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /**
     * A store on Redis through the caller's Lettuce client, which stays open when the store closes.
     *
     * @param client the Lettuce client
     * @param keyPrefix the prefix of every key this store writes
     * @param clock the clock buckets, windows and blocks are computed with (Bucket4j's client-side clock); all
     *     instances sharing the keys must agree on the time
     * @param commandTimeout how long one Redis command may take; at least 1 ms
     * @return the store
     */
    static StateStore redis(RedisClient client, String keyPrefix, Clock clock, Duration commandTimeout) {
        return new RedisStateStore(Objects.requireNonNull(client, "client"), false, keyPrefix,
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(commandTimeout, "commandTimeout"));
    }
}
