package com.rabaislocal.sdk.make.error;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ConflictException;

/**
 * A scenario that is not active was run. Make runs only active scenarios; activate it first (`scenarios().activate(id)`). Never retried.
 */
public class ScenarioNotActiveException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what Make answered
     */
    public ScenarioNotActiveException(ApiError error) {
        super(error);
    }
}
