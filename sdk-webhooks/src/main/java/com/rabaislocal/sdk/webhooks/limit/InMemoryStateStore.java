package com.rabaislocal.sdk.webhooks.limit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link StateStore#inMemory(Clock)}: Bucket4j local buckets and maps, with the same rules as the Redis store. */
final class InMemoryStateStore extends StateStoreBase {

    /** Above this many entries a map drops the ones that no longer matter (full buckets, lapsed claims). */
    private static final int PURGE_THRESHOLD = 10_000;

    /** Above the threshold, one call in this many (a power of two, minus one as a mask) runs the purge. */
    private static final int PURGE_EVERY_MASK = 1023;

    /** A failure state with no open window (after a block). */
    private static final long NO_WINDOW = -1;

    private final Clock clock;
    private final TimeMeter meter;
    private final Map<String, BucketEntry> buckets = new ConcurrentHashMap<>();
    private final Map<String, FailureState> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> claims = new ConcurrentHashMap<>();
    private final AtomicInteger purgeTicks = new AtomicInteger();

    InMemoryStateStore(Clock clock) {
        this.clock = clock;
        this.meter = new ClockTimeMeter(clock);
    }

    private record BucketEntry(Bucket bucket, long capacity) {
    }

    /** One IP's failures in the current window, and the end of its block (0 when not blocked). */
    private record FailureState(long windowStart, int count, long blockedUntil) {
    }

    @Override
    public BlockList blockList(BlockPolicy policy) {
        return new Blocks(policy);
    }

    @Override
    public void close() {
        buckets.clear();
        failures.clear();
        claims.clear();
    }

    /** A purge scans the whole map, so above the threshold it runs on one call in 1024, not on every call. */
    private boolean purgeDue(Map<String, ?> map) {
        return map.size() >= PURGE_THRESHOLD && (purgeTicks.incrementAndGet() & PURGE_EVERY_MASK) == 0;
    }

    @Override
    RateLimitDecision tryAcquire(String key, RateLimit limit) {
        String k = Buckets.key("", key, limit);
        BucketEntry entry = buckets.get(k);
        if (entry == null) {
            if (purgeDue(buckets)) {
                // A bucket back at full capacity behaves exactly like a new one: dropping it changes nothing.
                buckets.values().removeIf(e -> e.bucket().getAvailableTokens() >= e.capacity());
            }
            entry = buckets.computeIfAbsent(k, x -> new BucketEntry(Bucket.builder()
                    .addLimit(Buckets.bandwidth(limit)).withCustomTimePrecision(meter).build(), limit.permits()));
        }
        return Buckets.decision(limit, entry.bucket().tryConsumeAndReturnRemaining(1));
    }

    private final class Blocks implements BlockList {

        private final BlockPolicy policy;

        Blocks(BlockPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Optional<Duration> blockedFor(String ip) {
            FailureState s = failures.get(ip);
            long now = clock.millis();
            if (s == null || s.blockedUntil() <= now) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(s.blockedUntil() - now));
        }

        @Override
        public boolean recordFailure(String ip) {
            long now = clock.millis();
            if (purgeDue(failures)) {
                failures.values().removeIf(s -> s.blockedUntil() <= now
                        && now - s.windowStart() >= policy.window().toMillis());
            }
            boolean[] blocked = {false};
            failures.compute(ip, (k, s) -> {
                // A window starts at its first failure (NO_WINDOW: the next failure opens one), as on Redis.
                boolean fresh = s == null || s.windowStart() == NO_WINDOW
                        || now - s.windowStart() >= policy.window().toMillis();
                long start = fresh ? now : s.windowStart();
                int count = (fresh ? 0 : s.count()) + 1;
                if (count >= policy.maxFailures()) {
                    blocked[0] = true;
                    return new FailureState(NO_WINDOW, 0, now + policy.blockFor().toMillis());
                }
                return new FailureState(start, count, s == null ? 0 : s.blockedUntil());
            });
            return blocked[0];
        }

        @Override
        public void unblock(String ip) {
            failures.remove(ip);
        }
    }

    @Override
    boolean claimKey(String key, Duration ttl) {
        long now = clock.millis();
        long expires = now + Math.max(1, ttl.toMillis());
        if (purgeDue(claims)) {
            claims.values().removeIf(until -> until <= now);
        }
        boolean[] won = {false};
        claims.compute(key, (k, until) -> {
            if (until == null || until <= now) {
                won[0] = true;
                return expires;
            }
            return until;
        });
        return won[0];
    }

    @Override
    void releaseKey(String key) {
        claims.remove(key);
    }
}
