package com.rabaislocal.sdk.core.error;

/**
 * The service answered a status the SDK has no dedicated type for (e.g. 405, 406, 408, 416).
 */
public class UnexpectedStatusException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the service answered
     */
    public UnexpectedStatusException(ApiError error) {
        super(error);
    }
}
