package com.rabaislocal.sdk.core.retry;

import java.time.Duration;

/**
 * Waits between attempts. The default sleeps the calling thread; tests inject one that records the delay and
 * advances a fake clock instead.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the calling thread. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    /**
     * Waits for the given delay.
     *
     * @param delay how long to wait, never negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration delay) throws InterruptedException;
}
