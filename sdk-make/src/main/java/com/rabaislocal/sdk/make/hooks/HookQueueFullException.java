package com.rabaislocal.sdk.make.hooks;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.RateLimitException;

/**
 * The webhook's queue is full (HTTP 400 "Queue is full"): the request was not taken. A back-pressure signal, so it
 * is in the rate-limit family and retried with backoff like a 429 until the deadline.
 */
public class HookQueueFullException extends RateLimitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the hook answered
     */
    public HookQueueFullException(ApiError error) {
        super(error);
    }
}
