package com.rabaislocal.sdk.webhooks.limit;

import com.rabaislocal.sdk.webhooks.internal.Problems;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link StateStore#redis(RedisClient, String, Clock, Duration)}: Bucket4j's Lettuce proxy manager (compare-and-swap)
 * for the buckets; one Lua script (atomic on the server) for the failure window and the block; {@code SET NX PX} for
 * claims. Times are computed with the given clock and sent to Redis, so a virtual clock drives them in tests exactly
 * as it drives the in-memory store; Redis expiries only clean up.
 */
final class RedisStateStore extends StateStoreBase {

    /**
     * KEYS[1] failures hash {s: window start, c: count}, KEYS[2] block key (value: end of the block, ms).
     * ARGV now, window ms, max failures, block ms. Returns 1 when this failure set the block.
     */
    private static final String RECORD_FAILURE = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local start = tonumber(redis.call('HGET', KEYS[1], 's'))
            if (not start) or (now - start >= window) then
              redis.call('HSET', KEYS[1], 's', now, 'c', 0)
              start = now
            end
            local count = redis.call('HINCRBY', KEYS[1], 'c', 1)
            redis.call('PEXPIRE', KEYS[1], math.max(1, start + window - now))
            if count >= tonumber(ARGV[3]) then
              local blockMs = tonumber(ARGV[4])
              redis.call('SET', KEYS[2], now + blockMs, 'PX', blockMs)
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """;

    private final RedisClient client;
    private final boolean ownsClient;
    private final String prefix;
    private final Clock clock;
    private final StatefulRedisConnection<String, String> strings;
    private final StatefulRedisConnection<byte[], byte[]> bytes;
    private final ProxyManager<byte[]> buckets;

    RedisStateStore(RedisClient client, boolean ownsClient, String keyPrefix, Clock clock, Duration timeout) {
        new Problems()
                .require(keyPrefix != null && !keyPrefix.isBlank(), "keyPrefix", "must not be blank")
                .require(timeout.toMillis() >= 1, "commandTimeout", "must be at least 1 ms, was " + timeout)
                .throwIfAny("redis state store");
        this.client = client;
        this.ownsClient = ownsClient;
        this.prefix = keyPrefix;
        this.clock = clock;
        this.strings = client.connect(StringCodec.UTF8);
        StatefulRedisConnection<byte[], byte[]> b = null;
        try {
            b = client.connect((RedisCodec<byte[], byte[]>) ByteArrayCodec.INSTANCE);
        } catch (RuntimeException e) {
            strings.close();
            throw e;
        }
        this.bytes = b;
        strings.setTimeout(timeout);
        bytes.setTimeout(timeout);
        this.buckets = Bucket4jLettuce.casBasedBuilder(bytes)
                .clientClock(new ClockTimeMeter(clock))
                .requestTimeout(timeout)
                // A bucket's key lives until the bucket would be full again (plus a margin): no stale keys pile up.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public BlockList blockList(BlockPolicy policy) {
        return new Blocks(policy);
    }

    @Override
    public void close() {
        bytes.close();
        strings.close();
        if (ownsClient) {
            client.shutdown();
        }
    }

    @Override
    RateLimitDecision tryAcquire(String key, RateLimit limit) {
        byte[] k = Buckets.key(prefix, key, limit).getBytes(StandardCharsets.UTF_8);
        return Buckets.decision(limit, buckets.builder().build(k, () -> Buckets.configuration(limit))
                .tryConsumeAndReturnRemaining(1));
    }

    private final class Blocks implements BlockList {

        private final BlockPolicy policy;

        Blocks(BlockPolicy policy) {
            this.policy = policy;
        }

        private String failuresKey(String ip) {
            return prefix + "fail:" + ip;
        }

        private String blockKey(String ip) {
            return prefix + "block:" + ip;
        }

        @Override
        public Optional<Duration> blockedFor(String ip) {
            String until = strings.sync().get(blockKey(ip));
            long now = clock.millis();
            if (until == null || Long.parseLong(until) <= now) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Long.parseLong(until) - now));
        }

        @Override
        public boolean recordFailure(String ip) {
            Long set = strings.sync().eval(RECORD_FAILURE, ScriptOutputType.INTEGER,
                    new String[] {failuresKey(ip), blockKey(ip)},
                    Long.toString(clock.millis()), Long.toString(policy.window().toMillis()),
                    Integer.toString(policy.maxFailures()), Long.toString(policy.blockFor().toMillis()));
            return set != null && set == 1L;
        }

        @Override
        public void unblock(String ip) {
            strings.sync().del(failuresKey(ip), blockKey(ip));
        }
    }

    @Override
    boolean claimKey(String key, Duration ttl) {
        RedisCommands<String, String> cmd = strings.sync();
        return "OK".equals(cmd.set(prefix + "claim:" + key, "1",
                SetArgs.Builder.nx().px(Math.max(1, ttl.toMillis()))));
    }

    @Override
    void releaseKey(String key) {
        strings.sync().del(prefix + "claim:" + key);
    }
}
