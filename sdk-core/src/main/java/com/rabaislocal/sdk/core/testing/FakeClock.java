package com.rabaislocal.sdk.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when told to, for deadline and HTTP-date tests that must never sleep. Thread-safe;
 * always UTC.
 */
public final class FakeClock extends Clock {

    /** The instant a new clock starts at unless told otherwise: 2025-03-14T12:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2025-03-14T12:00:00Z");

    private final AtomicReference<Instant> now;

    private FakeClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** @return a clock standing at {@link #DEFAULT_START} */
    public static FakeClock create() {
        return new FakeClock(DEFAULT_START);
    }

    /**
     * Creates a clock standing at a given instant.
     *
     * @param start the initial instant
     * @return the clock
     */
    public static FakeClock at(Instant start) {
        return new FakeClock(start);
    }

    /**
     * Moves the clock forward.
     *
     * @param d how far, not negative
     * @return the new instant
     */
    public Instant advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + d);
        }
        return now.updateAndGet(t -> t.plus(d));
    }

    /**
     * Tells how far the clock has moved since an earlier reading.
     *
     * @param start an instant read from this clock
     * @return the time between {@code start} and now
     */
    public Duration elapsedSince(Instant start) {
        return Duration.between(start, instant());
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A fake clock has no other zone: returns itself. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "FakeClock[" + instant() + "]";
    }
}
