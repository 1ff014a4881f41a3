package com.rabaislocal.sdk.make.internal;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the Make services, made before any request. Internal: no compatibility promise.
 */
public final class Ids {

    private static final Pattern EXECUTION_ID = Pattern.compile("[0-9a-f]{32}");

    private Ids() {
    }

    /**
     * Checks a numeric id.
     *
     * @param name the argument's name, e.g. {@code scenarioId}
     * @param id the id
     * @return the id
     * @throws ValidationException when it is not positive
     */
    public static long positive(String name, long id) {
        if (id <= 0) {
            throw new ValidationException(name, "must be a positive Make id, was " + id);
        }
        return id;
    }

    /**
     * Checks an execution id.
     *
     * @param executionId the id
     * @return the id
     * @throws ValidationException when it is not 32 lowercase hex digits
     */
    public static String executionId(String executionId) {
        if (executionId == null || !EXECUTION_ID.matcher(executionId).matches()) {
            throw new ValidationException("executionId", "must be 32 lowercase hex digits (a Make execution id)");
        }
        return executionId;
    }
}
