package com.rabaislocal.sdk.core.error;

/**
 * The request conflicts with the current state (HTTP 409), e.g. a unique-key violation.
 */
public class ConflictException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the service answered
     */
    public ConflictException(ApiError error) {
        super(error);
    }
}
