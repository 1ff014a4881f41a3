package com.rabaislocal.sdk.openai.error;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;

/**
 * OpenAI refused the call because the account's quota or billing limit is used up (HTTP 429 with code
 * {@code insufficient_quota}). Unlike a transient {@link com.rabaislocal.sdk.core.error.RateLimitException} it
 * does not go away by waiting: it is never retried, and it sits under {@link PermissionDeniedException} so a
 * caller that backs off on rate limits does not loop on it. Someone has to add credit or raise the limit.
 */
public class InsufficientQuotaException extends PermissionDeniedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what OpenAI answered
     */
    public InsufficientQuotaException(ApiError error) {
        super(error);
    }
}
