package com.rabaislocal.sdk.core.error;

/**
 * The service failed (HTTP 5xx). Often transient: {@link #retryable()} says whether the SDK considers it so.
 */
public class ServerException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the service answered
     */
    public ServerException(ApiError error) {
        super(error);
    }
}
