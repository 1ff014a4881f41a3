package com.rabaislocal.sdk.monitoring.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks one configured service. {@link #check()} is bounded by the check's timeout and never throws: a failure, an
 * error answer or the timeout is a {@link HealthStatus#DOWN} result with the reason in words.
 *
 * <p>Build one from a probe with {@link #of(String, Duration, Probe)}; the service modules' checks are made this way
 * (see {@link ServiceHealthChecks}).
 */
public interface HealthCheck {

    /** @return the check's name, e.g. {@code supabase}; low cardinality, used as a metric tag */
    String name();

    /**
     * Runs the check.
     *
     * @return the result, never null; never throws
     */
    HealthResult check();

    /** What a check does against its service. */
    @FunctionalInterface
    interface Probe {
        /**
         * Calls the service once.
         *
         * @return the outcome when the service answered (UP, or DEGRADED with why)
         * @throws Exception when it did not answer or answered an error: the check reports DOWN with the
         *     exception's class name and the SDK's message, which never holds a secret
         */
        Outcome run() throws Exception;
    }

    /**
     * What a probe found.
     *
     * @param status {@link HealthStatus#UP} or {@link HealthStatus#DEGRADED}
     * @param reason in words, no secret
     * @param details figures, no secret
     */
    record Outcome(HealthStatus status, String reason, Map<String, Object> details) {
        /**
         * An UP outcome.
         *
         * @param reason in words
         * @return the outcome
         */
        public static Outcome up(String reason) {
            return new Outcome(HealthStatus.UP, reason, Map.of());
        }

        /**
         * An outcome with figures.
         *
         * @param status the status
         * @param reason in words
         * @param details figures
         * @return the outcome
         */
        public static Outcome of(HealthStatus status, String reason, Map<String, Object> details) {
            return new Outcome(status, reason, details);
        }
    }

    /**
     * A check from a probe, bounded by {@code timeout}: the probe runs on a daemon thread of the check's own, and a
     * probe still running at the timeout is interrupted and reported DOWN.
     *
     * @param name the check's name
     * @param timeout the longest the check may take, positive; e.g. 5 s
     * @param probe calls the service
     * @return the check
     */
    static HealthCheck of(String name, Duration timeout, Probe probe) {
        return of(name, timeout, probe, Clock.systemUTC());
    }

    /**
     * The same with a clock for the timestamps and latencies of results.
     *
     * @param name the check's name
     * @param timeout the longest the check may take
     * @param probe calls the service
     * @param clock the clock
     * @return the check
     */
    static HealthCheck of(String name, Duration timeout, Probe probe, Clock clock) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("health check " + name + ": timeout must be positive, was " + timeout);
        }
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "rabaislocal-health-" + name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService runner = Executors.newCachedThreadPool(daemon);
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthResult check() {
                long start = System.nanoTime();
                Future<Outcome> f = runner.submit(probe::run);
                try {
                    Outcome o = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                    return new HealthResult(name, o.status(), elapsed(start), o.reason(), o.details(),
                            Instant.now(clock));
                } catch (TimeoutException e) {
                    f.cancel(true);
                    return down(start, "no answer within " + timeout.toMillis() + " ms");
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    return down(start, cause.getClass().getSimpleName() + ": " + cause.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    f.cancel(true);
                    return down(start, "interrupted");
                } catch (RuntimeException e) {
                    return down(start, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }

            private HealthResult down(long start, String reason) {
                return new HealthResult(name, HealthStatus.DOWN, elapsed(start), reason, Map.of(),
                        Instant.now(clock));
            }

            private Duration elapsed(long start) {
                return Duration.ofNanos(System.nanoTime() - start);
            }

            @Override
            public String toString() {
                return "HealthCheck{" + name + ", timeout=" + timeout + '}';
            }
        };
    }
}
