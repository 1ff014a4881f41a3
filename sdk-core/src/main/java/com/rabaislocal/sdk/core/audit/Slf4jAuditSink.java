package com.rabaislocal.sdk.core.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each event as one line of JSON ({@link AuditEvent#toJson()}) at INFO on the logger {@value #LOGGER_NAME},
 * so the logging backend (a file, a log shipper) becomes the audit trail. Stateless and thread-safe.
 *
 * <p>Delivery is as good as the logging backend: when that logger is disabled at INFO the events are not recorded,
 * which is the operator's choice. Changed values are logged as they are; redact secrets beforehand with
 * {@link AuditChanges#redact(java.util.Collection)}.
 */
public final class Slf4jAuditSink implements AuditSink {

    /** The logger the events are written to. */
    public static final String LOGGER_NAME = "com.rabaislocal.sdk.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER_NAME);

    /** Creates the sink. */
    public Slf4jAuditSink() {
    }

    /**
     * Logs each event of the batch, in order, one INFO line each.
     *
     * @param batch the events, none null
     * @throws com.rabaislocal.sdk.core.error.ValidationException if the batch or one of its events is null
     */
    @Override
    public void write(List<AuditEvent> batch) {
        for (AuditEvent event : AuditBatches.checked(batch)) {
            AUDIT.info("{}", event.toJson());
        }
    }
}
