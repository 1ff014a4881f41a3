package com.rabaislocal.sdk.core.error;

/**
 * The credentials are valid but not allowed to do this (HTTP 403), e.g. a Row Level Security refusal.
 */
public class PermissionDeniedException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the service answered
     */
    public PermissionDeniedException(ApiError error) {
        super(error);
    }
}
