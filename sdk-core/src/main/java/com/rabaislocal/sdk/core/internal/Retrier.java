package com.rabaislocal.sdk.core.internal;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one logical call as one or more attempts under a {@link RetryPolicy}. resilience4j-retry decides whether an
 * outcome is retried and computes the delay; this class adds what it lacks: an injectable sleep, the per-call
 * deadline, and the rule that a request which is not safe to repeat is only retried when its connection failed
 * before anything was sent or the service answered a status by which it says it did not act on it
 * ({@link RetryPolicy#unprocessedStatuses()}).
 *
 * <p>Used by {@code com.rabaislocal.sdk.core.http.ServiceClient}; service modules normally do not call it directly.
 * Internal: no compatibility promise. Thread-safe; one instance per client.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.retry");

    private final String service;
    private final RetryPolicy policy;
    private final Retry retry;
    private final Function<ApiError, ? extends RuntimeException> exceptionOf;

    /**
     * Creates a retrier for one service client.
     *
     * @param service the service name used in logs and exceptions
     * @param policy the policy to apply
     */
    public Retrier(String service, RetryPolicy policy) {
        this(service, policy, ApiException::of);
    }

    /**
     * Creates a retrier for one service client whose errors become the module's own exceptions.
     *
     * @param service the service name used in logs and exceptions
     * @param policy the policy to apply
     * @param exceptionOf the exception for an error answer (a module's error parser)
     */
    public Retrier(String service, RetryPolicy policy, Function<ApiError, ? extends RuntimeException> exceptionOf) {
        this.exceptionOf = exceptionOf;
        this.service = service;
        this.policy = policy;
        RetryConfig config = RetryConfig.<Step>custom()
                .maxAttempts(policy.maxRetries() + 1)
                .retryOnResult(Step::worthRetrying)
                .retryOnException(t -> t instanceof IoFailure && ((IoFailure) t).mayRetry)
                .intervalBiFunction((attempt, either) -> policy.delayBeforeRetry(attempt,
                        either.isRight() ? either.get().serverHint() : null).toMillis())
                .failAfterMaxAttempts(false)
                .build();
        this.retry = Retry.of(service, config);
    }

    /** @return the policy this retrier applies */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * One attempt of the call.
     *
     * @param <O> what an attempt yields: an answer, successful or not
     */
    @FunctionalInterface
    public interface Attempt<O> {
        /**
         * Runs the attempt.
         *
         * @param attemptNumber 1 for the first attempt
         * @param timeLeft time left before the call's deadline; the attempt must not outlive it
         * @return the answer
         * @throws IOException when no answer came
         */
        O run(int attemptNumber, Duration timeLeft) throws IOException;
    }

    /** Hears each retry decision, for request listeners. */
    @FunctionalInterface
    public interface RetryObserver {
        /** Ignores every retry. */
        RetryObserver NONE = (attempt, status, failure, delay) -> { };

        /**
         * An attempt failed and another one follows after {@code delay}.
         *
         * @param attempt the failed attempt's number, 1 for the first
         * @param status the failed attempt's HTTP status, 0 when it got no answer
         * @param failure what the attempt failed with (the typed exception for an error status, else the I/O error)
         * @param delay the wait before the next attempt
         */
        void retrying(int attempt, int status, Throwable failure, Duration delay);
    }

    /**
     * Runs the call, reporting no retry.
     *
     * @param what a short description for logs and messages
     * @param repeatable whether the request is safe to send twice
     * @param deadline total time allowed, or null for the policy's default
     * @param attempt runs one attempt
     * @param errorOf the error an answer carries, or null when it is a success
     * @param discard releases an answer that will not be returned
     * @param <O> the answer type
     * @return the last answer
     */
    public <O> O execute(Supplier<String> what, boolean repeatable, Duration deadline, Attempt<O> attempt,
                         Function<O, ApiError> errorOf, Consumer<O> discard) {
        return execute(what, repeatable, deadline, attempt, errorOf, discard, RetryObserver.NONE);
    }

    /**
     * Runs the call.
     *
     * @param what a short description for logs and messages, e.g. {@code "GET /rest/v1/offers"}; asked for only
     *     when a message is written
     * @param repeatable whether the request is safe to send twice (idempotent method, idempotency key, natural key)
     * @param deadline total time allowed, or null for the policy's default
     * @param attempt runs one attempt
     * @param errorOf the error an answer carries, or null when it is a success
     * @param discard releases an answer that will not be returned (closes its body)
     * @param observer hears each retry before its wait
     * @param <O> the answer type
     * @return the last answer: a success, or an error that is not (or no longer) worth retrying
     * @throws TransportException when the last attempt got no answer
     * @throws RequestTimeoutException when the deadline would be passed
     */
    public <O> O execute(Supplier<String> what, boolean repeatable, Duration deadline, Attempt<O> attempt,
                         Function<O, ApiError> errorOf, Consumer<O> discard, RetryObserver observer) {
        Instant end = policy.clock().instant().plus(deadline != null ? deadline : policy.deadline());
        // Made at the first failure: most calls succeed at once and never need it.
        Retry.AsyncContext<Step> context = null;
        for (int attemptNumber = 1; ; attemptNumber++) {
            Duration left = Duration.between(policy.clock().instant(), end);
            O answer = null;
            long delayMillis;
            String reason;
            Throwable failure;
            int status = 0;
            try {
                answer = attempt.run(attemptNumber, left);
                ApiError error = errorOf.apply(answer);
                if (error == null) {
                    if (context != null) {
                        context.onComplete();
                    }
                    return answer;
                }
                if (context == null) {
                    context = retry.asyncContext();
                }
                delayMillis = context.onResult(new Step(error, repeatable || policy.isUnprocessedStatus(error.httpStatus())));
                if (delayMillis < 0) {
                    context.onComplete();
                    return answer;
                }
                reason = "HTTP " + error.httpStatus();
                status = error.httpStatus();
                failure = exceptionOf.apply(error);
            } catch (IOException e) {
                boolean mayRetry = policy.retryOnIoFailure() && (repeatable || isConnectFailure(e));
                if (context == null) {
                    context = retry.asyncContext();
                }
                delayMillis = context.onError(new IoFailure(e, mayRetry));
                if (delayMillis < 0) {
                    throw transportFailure(what, e, attemptNumber);
                }
                reason = e.getClass().getSimpleName();
                failure = e;
            }
            Duration delay = Duration.ofMillis(delayMillis);
            // Waking at the deadline would leave the next attempt no time at all: give up now instead.
            if (!policy.clock().instant().plus(delay).isBefore(end)) {
                release(discard, answer);
                throw new RequestTimeoutException(service, service + " " + what.get() + ": deadline of "
                        + millis(deadline != null ? deadline : policy.deadline()) + " would pass before retry "
                        + attemptNumber + " (" + reason + ", next wait " + delayMillis + " ms)", failure);
            }
            LOG.warn("{} {} failed ({}); retry {} of {} in {} ms", service, what.get(), reason, attemptNumber,
                    policy.maxRetries(), delayMillis);
            release(discard, answer);
            observer.retrying(attemptNumber, status, failure, delay);
            try {
                policy.sleeper().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RabaisSdkException(service + " " + what.get() + ": interrupted while waiting to retry", e);
            }
        }
    }

    private TransportException transportFailure(Supplier<String> what, IOException e, int attempts) {
        String suffix = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        if (e instanceof InterruptedIOException) {
            // OkHttp reports its own timeouts as InterruptedIOException ("timeout") or SocketTimeoutException.
            return new RequestTimeoutException(service, service + " " + what.get() + " timed out" + suffix + ": "
                    + e.getMessage(), e);
        }
        return new TransportException(service, service + " " + what.get() + " failed without an answer" + suffix
                + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    /**
     * Tells whether an I/O failure happened before the request could have been sent, so even a non-repeatable
     * request may be tried again.
     *
     * @param e the failure
     * @return true for connection refusals, unknown hosts, unreachable routes and connect timeouts
     */
    public static boolean isConnectFailure(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException) {
            return true;
        }
        String m = e.getMessage();
        return e instanceof java.net.SocketTimeoutException && m != null
                && m.toLowerCase(Locale.ROOT).contains("connect timed out");
    }

    private static <O> void release(Consumer<O> discard, O answer) {
        if (answer != null) {
            discard.accept(answer);
        }
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    /** What resilience4j sees of an answer. */
    private static final class Step {
        private final ApiError error;
        private final boolean repeatable;

        Step(ApiError error, boolean repeatable) {
            this.error = error;
            this.repeatable = repeatable;
        }

        boolean worthRetrying() {
            return error != null && error.retryable() && repeatable;
        }

        Duration serverHint() {
            return error == null ? null : error.retryAfter().orElse(null);
        }
    }

    /** An I/O failure, tagged with whether this request may be repeated after it. */
    private static final class IoFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient boolean mayRetry;

        IoFailure(IOException cause, boolean mayRetry) {
            super(cause);
            this.mayRetry = mayRetry;
        }
    }
}
