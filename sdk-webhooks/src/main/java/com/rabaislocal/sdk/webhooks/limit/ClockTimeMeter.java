package com.rabaislocal.sdk.webhooks.limit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/** Bucket4j's time source over a {@link Clock}, so a virtual clock drives the buckets in tests. */
final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
        // Bucket state shared through Redis must be comparable between instances: wall-clock based.
        return true;
    }
}
