package com.rabaislocal.sdk.core.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when the sink "sleeps", so backoff is honoured without any real waiting. */
final class FakeTime extends Clock implements BatchingAuditSink.Sleeper {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicLong elapsedNanos = new AtomicLong();
    private final AtomicLong sleeps = new AtomicLong();

    @Override
    public void sleep(Duration duration) {
        sleeps.incrementAndGet();
        elapsedNanos.addAndGet(duration.toNanos());
        // Let producers and the test thread run between two fake sleeps.
        Thread.yield();
    }

    Duration elapsed() {
        return Duration.ofNanos(elapsedNanos.get());
    }

    long sleeps() {
        return sleeps.get();
    }

    @Override
    public Instant instant() {
        return START.plusNanos(elapsedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Only instants matter to the sink; the zone is irrelevant.
        return this;
    }
}
