package com.rabaislocal.sdk.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An argument or a row was rejected by the SDK before any request was sent. Lists every failing field at once.
 *
 * <p>An error answered by a server for the same reason is an {@link InvalidRequestException} instead.
 */
public class ValidationException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    /** The messages of each failing field, by field name. */
    private final Map<String, List<String>> fieldErrors;

    /**
     * Creates an exception for the given field errors.
     *
     * @param subject what was validated, e.g. {@code "offers row"} or {@code "PostgrestQuery.update"}
     * @param fieldErrors each failing field with its messages, in a stable order; at least one entry
     */
    public ValidationException(String subject, Map<String, List<String>> fieldErrors) {
        super(format(subject, fieldErrors));
        this.fieldErrors = copy(fieldErrors);
    }

    /**
     * Creates an exception for one invalid argument.
     *
     * @param field the argument or field name
     * @param message what is wrong with it
     */
    public ValidationException(String field, String message) {
        this("argument", Map.of(field, List.of(message)));
    }

    /**
     * Returns every failing field with its messages.
     *
     * @return an unmodifiable map in the order the fields were reported
     */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    static Map<String, List<String>> copy(Map<String, List<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    static String formatFields(Map<String, List<String>> fieldErrors) {
        StringBuilder sb = new StringBuilder();
        fieldErrors.forEach((field, messages) -> {
            for (String m : messages) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(field).append(": ").append(m);
            }
        });
        return sb.toString();
    }

    private static String format(String subject, Map<String, List<String>> fieldErrors) {
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one field error");
        }
        return "Invalid " + subject + ": " + formatFields(fieldErrors);
    }
}
