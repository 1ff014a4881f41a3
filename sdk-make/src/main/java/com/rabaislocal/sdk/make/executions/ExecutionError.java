package com.rabaislocal.sdk.make.executions;

import com.rabaislocal.sdk.make.internal.MakeHttp;
import java.util.Optional;

/**
 * Why an execution failed, as Make reports it (e.g. {@code BundleValidationError}, "Validation failed for 2
 * parameter(s).").
 *
 * @param name the error's type name; empty when Make gave none
 * @param message the error's message; empty when Make gave none
 */
public record ExecutionError(String name, String message) {

    /**
     * Reads the {@code error} member of a log entry or an execution.
     *
     * @param owner the object holding {@code error}
     * @return the error, when the object has one
     */
    public static Optional<ExecutionError> of(MakeHttp.Item owner) {
        return owner.optObject("error").map(e -> new ExecutionError(e.optText("name").orElse(""),
                e.optText("message").orElse("")));
    }
}
