package com.rabaislocal.sdk.webhooks.limit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** The one place the SDK turns a {@link RateLimit} into a Bucket4j configuration and a probe into a decision. */
final class Buckets {

    private Buckets() {
    }

    static Bandwidth bandwidth(RateLimit limit) {
        // Interval refill: the whole allowance returns at the end of the period, so N per period is exact.
        return Bandwidth.builder().capacity(limit.permits()).refillIntervally(limit.permits(), limit.period())
                .build();
    }

    static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    static RateLimitDecision decision(RateLimit limit, ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return new RateLimitDecision(true, limit.permits(), probe.getRemainingTokens(), Duration.ZERO);
        }
        return new RateLimitDecision(false, limit.permits(), 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    static String key(String prefix, String key, RateLimit limit) {
        return prefix + "rl:" + limit.tag() + ":" + key;
    }
}
