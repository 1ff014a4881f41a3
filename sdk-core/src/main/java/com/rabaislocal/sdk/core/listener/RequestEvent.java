package com.rabaislocal.sdk.core.listener;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link RequestListener} is told about one call: which service and operation, which attempt, and how it
 * went. Immutable. It carries no credential, header value, query value or body: only names a metric may use as tags
 * ({@link #service()}, {@link #operation()}, {@link #method()}, {@link #status()}, {@link #errorFamily()}) and values
 * that stay out of tags ({@link #path()}, {@link #requestId()}).
 *
 * @param service the service, e.g. {@code "mailersend"}; low cardinality
 * @param operation the operation name the module gave the call, e.g. {@code "emails.send"}; low cardinality (when a
 *     module gives none it is the method and the path's first segment, e.g. {@code "GET offers"})
 * @param method the HTTP method
 * @param path the request path without query, e.g. {@code /v1/email}; may hold ids, so never a metric tag
 * @param attempt 1 for the first attempt; for {@link RequestListener#onStart} always 1
 * @param status the HTTP status, or 0 when there was no answer (or not yet)
 * @param elapsed time since the call started (all attempts and waits), zero in {@code onStart}
 * @param requestId the service's request id, when it sent one
 * @param errorFamily the simple class name of the exception the call ended with or the attempt failed with (e.g.
 *     {@code RateLimitException}, {@code RequestTimeoutException}); empty on success
 * @param retryDelay for {@link RequestListener#onRetry}: the wait before the next attempt; zero otherwise
 */
public record RequestEvent(String service, String operation, String method, String path, int attempt, int status,
                           Duration elapsed, Optional<String> requestId, Optional<String> errorFamily,
                           Duration retryDelay) {

    /**
     * Validates the event.
     *
     * @param service the service, e.g. {@code "mailersend"}; low cardinality
     * @param operation the operation name the module gave the call, e.g. {@code "emails.send"}; low cardinality (when
     *     a module gives none it is the method and the path's first segment, e.g. {@code "GET offers"})
     * @param method the HTTP method
     * @param path the request path without query, e.g. {@code /v1/email}; may hold ids, so never a metric tag
     * @param attempt 1 for the first attempt; for {@link RequestListener#onStart} always 1
     * @param status the HTTP status, or 0 when there was no answer (or not yet)
     * @param elapsed time since the call started (all attempts and waits), zero in {@code onStart}
     * @param requestId the service's request id, when it sent one
     * @param errorFamily the simple class name of the exception the call ended with or the attempt failed with (e.g.
     *     {@code RateLimitException}, {@code RequestTimeoutException}); empty on success
     * @param retryDelay for {@link RequestListener#onRetry}: the wait before the next attempt; zero otherwise
     * @throws NullPointerException when a field is null
     */
    public RequestEvent {
        java.util.Objects.requireNonNull(service, "service");
        java.util.Objects.requireNonNull(operation, "operation");
        java.util.Objects.requireNonNull(method, "method");
        java.util.Objects.requireNonNull(path, "path");
        java.util.Objects.requireNonNull(elapsed, "elapsed");
        java.util.Objects.requireNonNull(requestId, "requestId");
        java.util.Objects.requireNonNull(errorFamily, "errorFamily");
        java.util.Objects.requireNonNull(retryDelay, "retryDelay");
    }

    /** @return true when the call (or attempt) got a 2xx answer */
    public boolean succeeded() {
        return status >= 200 && status < 300 && errorFamily.isEmpty();
    }
}
