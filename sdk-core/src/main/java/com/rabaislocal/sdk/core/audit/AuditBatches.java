package com.rabaislocal.sdk.core.audit;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Argument checks and log formatting shared by the built-in sinks. */
final class AuditBatches {

    private AuditBatches() {
    }

    /**
     * Checks a batch handed to a sink.
     *
     * @param batch the batch
     * @return an immutable copy of the batch
     * @throws ValidationException naming the null batch or each null element
     */
    static List<AuditEvent> checked(List<AuditEvent> batch) {
        if (batch == null) {
            throw new ValidationException("batch", "must not be null");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<AuditEvent> copy = new ArrayList<>(batch);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) == null) {
                errors.put("batch[" + i + "]", List.of("must not be null"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("audit batch", errors);
        }
        return List.copyOf(copy);
    }

    /**
     * Lists the ids of some events, for log lines that must say which events are concerned.
     *
     * @param events the events
     * @return e.g. {@code [6f1c..., 0a2b...]}
     */
    static String ids(List<AuditEvent> events) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (AuditEvent e : events) {
            j.add(e.eventId().toString());
        }
        return j.toString();
    }
}
