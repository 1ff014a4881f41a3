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

    /**
     * Creates the exception for an outcome of this family the SDK established itself (see
     * {@link ApiException#ApiException(ApiError, String, Throwable)}).
     *
     * @param error the error in this family's terms
     * @param message the whole message; must hold no secret
     * @param cause the underlying failure, or null
     */
    protected NotFoundException(ApiError error, String message, Throwable cause) {
        super(error, message, cause);
    }
}
