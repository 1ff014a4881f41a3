package com.rabaislocal.sdk.core.listener;

/**
 * Hears every call a service client makes, for metrics, tracing and logs, without touching the transport. Registered
 * on a client's options ({@code ClientOptions.Builder#listener}); the Micrometer binding implements it.
 *
 * <p>For one call the order is: {@link #onStart} once; then zero or more {@link #onRetry} (an attempt failed and
 * another follows); then exactly one of {@link #onSuccess} or {@link #onFailure}. For a streaming call, success
 * means the stream's headers arrived; the events read later are not reported.
 *
 * <p>Methods are called on the calling thread, so {@link #onStart} and the end callbacks bracket the call (an SLF4J
 * MDC set in one is visible until the other). They must be fast and must not throw: an exception from a listener
 * is logged at WARN and ignored, and never changes the call's outcome. Every method has an empty default.
 */
public interface RequestListener {

    /** A listener that does nothing. */
    RequestListener NONE = new RequestListener() { };

    /**
     * The call is about to send its first attempt.
     *
     * @param event service, operation, method and path; attempt 1, no status
     */
    default void onStart(RequestEvent event) {
    }

    /**
     * An attempt failed and the call will try again after {@link RequestEvent#retryDelay()}.
     *
     * @param event the failed attempt: its number, the status (0 without an answer) and the error family
     */
    default void onRetry(RequestEvent event) {
    }

    /**
     * The call got its 2xx answer (read and bound, or for a stream, opened).
     *
     * @param event the last attempt, status, elapsed time and request id
     */
    default void onSuccess(RequestEvent event) {
    }

    /**
     * The call ended with an exception (an error status, no answer, the deadline, an answer that does not fit).
     *
     * @param event the last attempt, status (0 without an answer), elapsed time and error family
     * @param error the exception the caller receives
     */
    default void onFailure(RequestEvent event, RuntimeException error) {
    }
}
