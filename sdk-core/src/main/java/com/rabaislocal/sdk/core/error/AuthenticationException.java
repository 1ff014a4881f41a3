package com.rabaislocal.sdk.core.error;

/**
 * The credentials were missing, invalid or expired (HTTP 401).
 */
public class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the service answered
     */
    public AuthenticationException(ApiError error) {
        super(error);
    }
}
