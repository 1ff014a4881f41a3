package com.rabaislocal.sdk.webhooks.internal;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem a builder finds, so {@code build()} reports them all in one {@link ValidationException}.
 * Public only for the SDK's modules; no compatibility promise.
 */
public final class Problems {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    /**
     * Records a problem when a condition does not hold.
     *
     * @param ok the condition that must hold
     * @param field the builder field
     * @param message what is wrong
     * @return this collector
     */
    public Problems require(boolean ok, String field, String message) {
        if (!ok) {
            errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        }
        return this;
    }

    /**
     * Throws when any problem was recorded.
     *
     * @param subject what was built, e.g. {@code "webhook receiver"}
     * @throws ValidationException listing every problem
     */
    public void throwIfAny(String subject) {
        if (!errors.isEmpty()) {
            throw new ValidationException(subject, errors);
        }
    }
}
