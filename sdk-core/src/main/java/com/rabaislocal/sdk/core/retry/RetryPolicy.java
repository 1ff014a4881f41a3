package com.rabaislocal.sdk.core.retry;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How a service client retries. Immutable; one policy per client, tuned per provider.
 *
 * <p>Defaults: 2 retries (3 attempts); I/O failures and HTTP 408, 429, 500, 502, 503 and 504 are retried;
 * exponential backoff from 500 ms doubling up to 8 s, each delay multiplied by a random factor in [0.75, 1.0];
 * a server's {@code Retry-After-Ms}/{@code Retry-After} wins over the formula, capped at 60 s; a per-call deadline
 * of 60 s that no retry outlives. A request that is not safe to repeat (see
 * {@code com.rabaislocal.sdk.core.http.SdkRequest#repeatable()}) is only retried when the connection failed before
 * anything was sent, or when it got one of the {@link #unprocessedStatuses() statuses} by which the service says it
 * did not act on it.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double minJitter;
    private final Duration maxRetryAfter;
    private final Set<Integer> retryableStatuses;
    private final Set<Integer> unprocessedStatuses;
    private final boolean retryOnIoFailure;
    private final Duration deadline;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.minJitter = b.minJitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryableStatuses = Collections.unmodifiableSet(new TreeSet<>(b.retryableStatuses));
        this.unprocessedStatuses = Collections.unmodifiableSet(new TreeSet<>(b.unprocessedStatuses));
        this.retryOnIoFailure = b.retryOnIoFailure;
        this.deadline = b.deadline;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.random = b.random;
    }

    /** @return the default policy described on this class */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that never retries but keeps the default deadline */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this policy's values */
    public Builder toBuilder() {
        return new Builder().maxRetries(maxRetries).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .minJitter(minJitter).maxRetryAfter(maxRetryAfter).retryableStatuses(retryableStatuses)
                .unprocessedStatuses(unprocessedStatuses).retryOnIoFailure(retryOnIoFailure).deadline(deadline).sleeper(sleeper).clock(clock)
                .random(random);
    }

    /** @return retries after the first attempt (0 = no retry); default 2 */
    public int maxRetries() {
        return maxRetries;
    }

    /** @return the first backoff delay before jitter; default 500 ms */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the cap of the exponential backoff; default 8 s */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the lower bound of the jitter factor in [0, 1]; default 0.75 */
    public double minJitter() {
        return minJitter;
    }

    /** @return the cap applied to a server's Retry-After hint; default 60 s */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** @return the HTTP statuses worth repeating; default 408, 429, 500, 502, 503, 504 */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /**
     * @return the retryable statuses by which the service says it did not act on the request (a rate limit, a
     *     maintenance refusal), so even a request that is not safe to repeat is retried on them; default none
     */
    public Set<Integer> unprocessedStatuses() {
        return unprocessedStatuses;
    }

    /**
     * Tells whether a status means the service refused the request without acting on it.
     *
     * @param status an HTTP status
     * @return true when listed in {@link #unprocessedStatuses()}
     */
    public boolean isUnprocessedStatus(int status) {
        return unprocessedStatuses.contains(status);
    }

    /** @return whether I/O failures (no answer) are retried; default true */
    public boolean retryOnIoFailure() {
        return retryOnIoFailure;
    }

    /** @return the total time a call may take across all attempts and waits; default 60 s */
    public Duration deadline() {
        return deadline;
    }

    /** @return how the policy waits between attempts */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** @return the clock used for deadlines and HTTP-date hints */
    public Clock clock() {
        return clock;
    }

    /**
     * Tells whether a status is worth repeating under this policy.
     *
     * @param status an HTTP status
     * @return true when listed in {@link #retryableStatuses()}
     */
    public boolean isRetryableStatus(int status) {
        return retryableStatuses.contains(status);
    }

    /**
     * Computes the wait before retry number {@code retry}: the server's hint when given (capped at
     * {@link #maxRetryAfter()}), else {@code min(maxBackoff, initialBackoff * 2^(retry-1))} times a jitter factor.
     *
     * @param retry the retry about to happen, 1 for the first retry
     * @param serverHint the delay the server asked for, or null
     * @return the delay to wait
     */
    public Duration delayBeforeRetry(int retry, Duration serverHint) {
        if (serverHint != null) {
            return serverHint.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : serverHint;
        }
        double base = initialBackoff.toMillis() * Math.pow(2, Math.max(0, retry - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        double factor = minJitter + (1.0 - minJitter) * random.getAsDouble();
        return Duration.ofMillis(Math.round(capped * factor));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", retryableStatuses=" + retryableStatuses
                + (unprocessedStatuses.isEmpty() ? "" : ", unprocessedStatuses=" + unprocessedStatuses)
                + ", deadline=" + deadline + '}';
    }

    /**
     * Builds a {@link RetryPolicy}; {@link #build()} validates every value.
     */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double minJitter = 0.75;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Set<Integer> retryableStatuses = Set.of(408, 429, 500, 502, 503, 504);
        private Set<Integer> unprocessedStatuses = Set.of();
        private boolean retryOnIoFailure = true;
        private Duration deadline = Duration.ofSeconds(60);
        private Sleeper sleeper = Sleeper.THREAD;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /**
         * Sets how many times a failed attempt is retried: the call makes at most {@code maxRetries + 1}
         * attempts, fewer when the {@link #deadline(Duration) deadline} runs out first. 0 disables retries.
         *
         * @param maxRetries retries after the first attempt, 0 to 10; default 2
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the wait before the first retry; each later retry doubles it, up to {@link #maxBackoff(Duration)},
         * and jitter then shortens it (see {@link #minJitter(double)}). A server's {@code Retry-After} replaces it.
         *
         * @param initialBackoff first backoff delay, positive; default 500 ms
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /**
         * Sets the longest computed wait between two attempts, before jitter; a server's {@code Retry-After} is
         * capped by {@link #maxRetryAfter(Duration)} instead.
         *
         * @param maxBackoff backoff cap, at least the initial backoff; default 8 s
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * Sets how much jitter may shorten a computed wait: the wait is multiplied by a random factor between
         * {@code minJitter} and 1, so instances that failed together do not retry together.
         *
         * @param minJitter lower bound of the jitter factor, in [0, 1]; 1 disables jitter; default 0.75
         * @return this builder
         */
        public Builder minJitter(double minJitter) {
            this.minJitter = minJitter;
            return this;
        }

        /**
         * Sets the longest wait the SDK accepts from a server's {@code Retry-After} (seconds or HTTP date) or rate
         * limit reset hint; a longer hint is cut to this. The deadline still applies.
         *
         * @param maxRetryAfter cap on a server's wait hint, not negative; default 60 s
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * Sets which HTTP statuses are retried (replacing the set, not adding to it). A non-idempotent write is
         * retried only when the module knows it was not applied, whatever this set says.
         *
         * @param statuses the HTTP statuses to retry, 100 to 599; default 408, 429, 500, 502, 503, 504
         * @return this builder
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            // null is reported by build() with the other problems, not as a NullPointerException here
            this.retryableStatuses = statuses == null ? null : Set.copyOf(statuses);
            return this;
        }

        /**
         * Names the statuses by which the service says it did not act on the request (MailerSend's 429 and 421), so
         * they are retried even for a request that is not safe to repeat. Each must also be retryable.
         *
         * @param statuses a subset of the {@link #retryableStatuses(Set) retryable statuses}; default none
         * @return this builder
         */
        public Builder unprocessedStatuses(Set<Integer> statuses) {
            this.unprocessedStatuses = statuses == null ? null : Set.copyOf(statuses);
            return this;
        }

        /**
         * Sets whether an attempt that got no answer (connection refused or reset, timeout, cut body) is retried.
         * Idempotency rules for writes apply as for statuses.
         *
         * @param retryOnIoFailure whether to retry when no answer came; default true
         * @return this builder
         */
        public Builder retryOnIoFailure(boolean retryOnIoFailure) {
            this.retryOnIoFailure = retryOnIoFailure;
            return this;
        }

        /**
         * Sets the total time one call may take, every attempt and wait included; when it runs out the call ends
         * with a timeout exception, however the server behaves.
         *
         * @param deadline total time per call across attempts, positive; default 60 s
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * Sets how the policy waits between attempts; tests pass a recording sleeper so they never sleep.
         *
         * @param sleeper how to wait between attempts; default {@link Sleeper#THREAD} ({@code Thread.sleep})
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * Sets the clock that deadlines are measured with and that {@code Retry-After} HTTP dates are read against.
         *
         * @param clock the clock for deadlines and HTTP dates; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the source of the jitter factor; tests pass a constant to make waits exact.
         *
         * @param random source of jitter in [0, 1); default {@code ThreadLocalRandom}
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        /**
         * Validates and builds the policy.
         *
         * @return the immutable policy
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every invalid setting
         */
        public RetryPolicy build() {
            java.util.Map<String, java.util.List<String>> errors = new java.util.LinkedHashMap<>();
            if (maxRetries < 0 || maxRetries > 10) {
                errors.put("maxRetries", java.util.List.of("must be between 0 and 10, was " + maxRetries));
            }
            if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
                errors.put("initialBackoff", java.util.List.of("must be positive, was " + initialBackoff));
            } else if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
                errors.put("maxBackoff", java.util.List.of("must be at least initialBackoff, was " + maxBackoff));
            }
            if (!(minJitter >= 0 && minJitter <= 1)) {
                errors.put("minJitter", java.util.List.of("must be within [0, 1], was " + minJitter));
            }
            if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
                errors.put("maxRetryAfter", java.util.List.of("must not be negative, was " + maxRetryAfter));
            }
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                errors.put("deadline", java.util.List.of("must be positive, was " + deadline));
            }
            if (sleeper == null || clock == null || random == null || retryableStatuses == null) {
                errors.put("sleeper/clock/random/retryableStatuses", java.util.List.of("must not be null"));
            }
            if (unprocessedStatuses == null) {
                errors.put("unprocessedStatuses", java.util.List.of("must not be null (empty for none)"));
            } else if (retryableStatuses != null && !retryableStatuses.containsAll(unprocessedStatuses)) {
                errors.put("unprocessedStatuses", java.util.List.of("must be retryable statuses too, had "
                        + new TreeSet<>(unprocessedStatuses) + " with retryable " + new TreeSet<>(retryableStatuses)));
            }
            if (!errors.isEmpty()) {
                throw new com.rabaislocal.sdk.core.error.ValidationException("RetryPolicy", errors);
            }
            return new RetryPolicy(this);
        }
    }
}
