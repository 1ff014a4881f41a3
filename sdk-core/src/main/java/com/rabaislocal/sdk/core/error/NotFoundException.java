package com.rabaislocal.sdk.core.error;

/**
 * The resource does not exist (HTTP 404).
 */
public class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the service answered
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
