package com.rabaislocal.sdk.make.error;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ConflictException;

/**
 * A scenario that is already executing was run again ("Scenario is already being executed"); Make runs one execution of a scenario at a time. Never retried.
 */
public class ScenarioBusyException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what Make answered
     */
    public ScenarioBusyException(ApiError error) {
        super(error);
    }
}
