package com.rabaislocal.sdk.core.audit;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.List;

/**
 * Where audit events go: a log, a database table, a queue. Batch-oriented: {@link #write(List)} receives several
 * events at once so a downstream can store them in one round trip.
 *
 * <p><b>Contract.</b> {@code write} returning normally means the whole batch was delivered (stored durably by the
 * downstream). {@code write} throwing any exception means <em>not delivered</em>: the caller keeps the whole batch and
 * tries again later, so a sink may see the same events more than once (also after a partial write) and must
 * deduplicate on {@link AuditEvent#eventId()} (e.g. a unique key with "on conflict do nothing"; a duplicate is a
 * success, not an error). A sink must not report success for events it did not store.
 *
 * <p><b>Outage or rejection.</b> Throw {@link com.rabaislocal.sdk.core.error.ValidationException} or
 * {@link com.rabaislocal.sdk.core.error.InvalidRequestException} (HTTP 400/422) only when the batch itself is invalid,
 * so that sending it again unchanged can never succeed; anything else is taken as a temporary outage and the batch
 * is retried until it is accepted. A {@link BatchingAuditSink} narrows a rejected batch down to the offending events
 * and sets them aside (see its description) instead of retrying them forever.
 *
 * <p>Writing a database or HTTP sink means implementing {@link #write(List)} only; wrap it in a
 * {@link BatchingAuditSink} to make it asynchronous and failure-tolerant. Implementations used behind a
 * {@code BatchingAuditSink} are called from its single worker thread only.
 */
@FunctionalInterface
public interface AuditSink extends AutoCloseable {

    /**
     * Delivers a batch of events, in order.
     *
     * @param batch the events, at least one, none null; the list must not be modified by the sink
     * @throws RuntimeException of any kind when the batch was not (entirely) delivered
     */
    void write(List<AuditEvent> batch);

    /**
     * Delivers one event; the same as {@code write(List.of(event))}.
     *
     * @param event the event, not null
     * @throws ValidationException if {@code event} is null
     * @throws RuntimeException of any kind when the event was not delivered
     */
    default void write(AuditEvent event) {
        if (event == null) {
            throw new ValidationException("event", "must not be null");
        }
        write(List.of(event));
    }

    /**
     * Releases what the sink holds (connections, threads, files). Does nothing by default.
     */
    @Override
    default void close() {
    }
}
