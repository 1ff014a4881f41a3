package com.rabaislocal.sdk.core.internal;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces call deadlines by cancelling calls that outlive them, from one daemon thread that looks at the calls in
 * flight every {@value #TICK_MILLIS} ms.
 *
 * <p>Why not OkHttp's call timeout: arming it on every call puts an entry in okio's watchdog queue and wakes that
 * watchdog's thread once per call; measured on a loopback POST it cost about a fifth of the whole call (see
 * docs/BENCHMARKS.md). Here a call only adds itself to a concurrent set and removes itself when done: no thread is
 * woken per call. The price is precision: a deadline is enforced within one tick (10 ms) after it passes, which is
 * far below any deadline the SDK allows.
 *
 * <p>The thread ticks while calls were registered in the last {@value #IDLE_MILLIS} ms, then parks until the next
 * registration (the only time a registration wakes it). Internal: no compatibility promise.
 */
public final class DeadlineWatchdog {

    /** How often the calls in flight are looked at, in milliseconds. */
    static final long TICK_MILLIS = 10;
    /** How long the thread keeps ticking after the last registration, in milliseconds. */
    static final long IDLE_MILLIS = 60_000;

    private static final DeadlineWatchdog SHARED = new DeadlineWatchdog();

    private final Set<Guard> inFlight = ConcurrentHashMap.newKeySet();
    private volatile long lastRegisteredNanos = System.nanoTime();
    private volatile Thread thread;
    private volatile boolean parkedIdle = true;

    private DeadlineWatchdog() {
    }

    /** @return the watchdog shared by every client */
    public static DeadlineWatchdog shared() {
        return SHARED;
    }

    /**
     * One registered call. {@link #close()} it as soon as the exchange is over (answer read or failed).
     */
    public final class Guard implements AutoCloseable {
        private final long deadlineNanos;
        private final Runnable cancel;
        private volatile boolean fired;

        private Guard(long deadlineNanos, Runnable cancel) {
            this.deadlineNanos = deadlineNanos;
            this.cancel = cancel;
        }

        /** @return true when the deadline passed and the call was cancelled by the watchdog */
        public boolean fired() {
            return fired;
        }

        void fire() {
            fired = true;
            cancel.run();
        }

        /** Unregisters the call. Idempotent. */
        @Override
        public void close() {
            inFlight.remove(this);
        }
    }

    /**
     * Registers a call that must not outlive {@code limitMillis}.
     *
     * @param limitMillis the time the call may still take, positive
     * @param cancel cancels the call (e.g. OkHttp's {@code Call::cancel}); run at most once, on the watchdog's
     *     thread
     * @return the guard to close when the exchange is over
     */
    public Guard register(long limitMillis, Runnable cancel) {
        Guard g = new Guard(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis), cancel);
        inFlight.add(g);
        lastRegisteredNanos = System.nanoTime();
        if (parkedIdle) {
            wake();
        }
        return g;
    }

    private synchronized void wake() {
        if (thread == null) {
            Thread t = new Thread(this::run, "rabaislocal-deadline-watchdog");
            t.setDaemon(true);
            thread = t;
            parkedIdle = false;
            t.start();
        } else if (parkedIdle) {
            parkedIdle = false;
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            long now = System.nanoTime();
            for (Iterator<Guard> it = inFlight.iterator(); it.hasNext(); ) {
                Guard g = it.next();
                if (now - g.deadlineNanos >= 0) {
                    it.remove();
                    try {
                        g.fire();
                    } catch (RuntimeException ignored) {
                        // A cancel that fails leaves the call to its own timeouts; nothing else can be done here.
                    }
                }
            }
            if (inFlight.isEmpty() && now - lastRegisteredNanos > TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
                parkIdle();
            }
        }
    }

    private void parkIdle() {
        synchronized (this) {
            parkedIdle = true;
        }
        // A call registered between the emptiness check and the flag did not see the flag: look again. A call
        // registered after the flag sees it and unparks us (an unpark before park makes park return at once).
        if (!inFlight.isEmpty()) {
            synchronized (this) {
                parkedIdle = false;
            }
            return;
        }
        while (parkedIdle) {
            LockSupport.park(this);
        }
    }
}
