package com.rabaislocal.sdk.core.error;

import java.util.List;
import java.util.Map;

/**
 * The service rejected the request as invalid (HTTP 400 or 422). {@link #fieldErrors()} lists per-field messages when the service gave them.
 */
public class InvalidRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the service answered
     */
    public InvalidRequestException(ApiError error) {
        super(error);
    }

    /** @return each failing field with its messages; empty when the service named none */
    public Map<String, List<String>> fieldErrors() {
        return error().fieldErrors();
    }
}
