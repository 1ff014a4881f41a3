package com.rabaislocal.sdk.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The service is rate limiting this caller (HTTP 429). {@link #retryAfter()} tells how long it asked to wait.
 */
public class RateLimitException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the service answered
     */
    public RateLimitException(ApiError error) {
        super(error);
    }

    /** @return the delay the service asked for (Retry-After or Retry-After-Ms), if it gave one */
    public Optional<Duration> retryAfter() {
        return error().retryAfter();
    }
}
