package com.rabaislocal.sdk.core.testing;

import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.core.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that never sleeps: it records each requested delay and moves a {@link FakeClock} forward by it,
 * so retry tests run instantly yet see time pass. Thread-safe.
 */
public final class RecordingSleeper implements Sleeper {

    private final FakeClock clock;
    private final List<Duration> delays = new ArrayList<>();

    /**
     * Creates a sleeper that advances the given clock.
     *
     * @param clock the clock to move on each sleep
     */
    public RecordingSleeper(FakeClock clock) {
        this.clock = clock;
    }

    /** @return a sleeper advancing a new {@link FakeClock} that stands at {@link FakeClock#DEFAULT_START} */
    public static RecordingSleeper create() {
        return new RecordingSleeper(FakeClock.create());
    }

    /**
     * Starts a retry policy that waits through this sleeper and reads time from its clock, so no test sleeps.
     *
     * @return a policy builder with the defaults, this sleeper and this clock
     */
    public RetryPolicy.Builder policy() {
        return RetryPolicy.builder().sleeper(this).clock(clock);
    }

    /**
     * Records the delay and moves the clock forward by it, without waiting; then yields, so that other threads of
     * the code under test (a background flusher, a producer) get to run between two fake sleeps.
     *
     * @param delay the wait asked for, not negative
     * @throws AssertionError when the delay is negative
     */
    @Override
    public void sleep(Duration delay) {
        if (delay.isNegative()) {
            throw new AssertionError("asked to sleep a negative delay: " + delay);
        }
        synchronized (this) {
            delays.add(delay);
            clock.advance(delay);
        }
        Thread.yield();
    }

    /** @return the clock this sleeper advances */
    public FakeClock clock() {
        return clock;
    }

    /** @return every delay asked for, in order */
    public synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** @return the delays in milliseconds, in order */
    public synchronized List<Long> delaysMillis() {
        return delays.stream().map(Duration::toMillis).toList();
    }

    /** @return how many times a sleep was asked for */
    public synchronized int count() {
        return delays.size();
    }

    /** @return the sum of every delay asked for */
    public synchronized Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public synchronized String toString() {
        return "RecordingSleeper" + delays;
    }
}
