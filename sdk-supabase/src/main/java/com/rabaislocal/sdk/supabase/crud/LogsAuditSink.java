package com.rabaislocal.sdk.supabase.crud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.audit.BatchingAuditSink;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.postgrest.Returning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An {@link AuditSink} that stores audit events in Supabase's {@code logs_audit} table: one
 * {@code POST /rest/v1/logs_audit?on_conflict=event_id} per batch, whose body is the array of rows, with
 * {@code Prefer: return=minimal,resolution=ignore-duplicates}. Thread-safe.
 *
 * <p><b>At least once, stored once.</b> An event already stored (the same {@code event_id}, whether written by this
 * sink, replayed from a spool, or written by the database's audit trigger during the mutation itself) is skipped by
 * the database, so a batch is safe to send again: the request is retried after a lost answer, and a
 * {@link BatchingAuditSink} in front of this sink may replay it from its spool. {@code write} returns only when the
 * database has stored the batch, and throws (the batch is then not stored) on any failure.
 *
 * <p><b>Rows.</b> {@code changes} is written in the table's own shape ({@link
 * com.rabaislocal.sdk.core.audit.AuditChanges#byField()}: each changed column mapped to
 * {@code {"old": before, "new": after}}), as the audit trigger writes it. {@code actor_id} is a uuid column: an actor
 * id that is not a UUID is stored as null, and logged at WARN with the event id.
 *
 * <p>It needs the service-role client: {@code logs_audit} has no INSERT policy for users. Use it behind a
 * {@link BatchingAuditSink}, so a Supabase outage never blocks or fails the service:
 *
 * <pre>{@code
 * AuditSink audit = BatchingAuditSink.builder()
 *         .downstream(LogsAuditSink.create(serviceRoleClient))
 *         .spoolDirectory(Path.of("/var/lib/rabaislocal/audit-spool"))
 *         .build();
 * }</pre>
 *
 * <p><b>Shutdown order does not matter.</b> The sink writes through its own copy of the client, so an application
 * may close its clients and the audit sink in any order: the batching sink's last delivery still goes out.
 */
public final class LogsAuditSink implements AuditSink {

    /** The table written. */
    public static final String TABLE = "logs_audit";

    private final SupabaseClient client;

    private LogsAuditSink(SupabaseClient client) {
        this.client = client;
    }

    /**
     * Creates the sink.
     *
     * @param serviceRoleClient a client built with {@link SupabaseClient#serviceRoleBuilder()}, without a user token;
     *     the sink writes through its own copy of it (same settings and connection pool), so closing that client
     *     before the sink (an application's shutdown in any order) does not strand the events still queued
     * @return the sink
     * @throws ValidationException if the client is null or not the service-role client
     */
    public static LogsAuditSink create(SupabaseClient serviceRoleClient) {
        if (serviceRoleClient == null) {
            throw new ValidationException("client", "is required: the service-role SupabaseClient");
        }
        if (!serviceRoleClient.isServiceRole() || serviceRoleClient.hasAccessToken()) {
            throw new ValidationException("client", "must be the service-role client (SupabaseClient"
                    + ".serviceRoleBuilder(), without a user token): logs_audit accepts inserts from the service role"
                    + " only");
        }
        // A copy: the application may close its client before a BatchingAuditSink in front of this sink has
        // delivered its last batch; the copy stays usable until this sink is closed.
        return new LogsAuditSink(serviceRoleClient.withOptions(b -> { }));
    }

    /** @return the sink's own copy of the service-role client it writes with */
    public SupabaseClient client() {
        return client;
    }

    /**
     * Stores a batch with one request; events already stored are skipped.
     *
     * @param batch the events, none null; an empty batch sends nothing
     * @throws ValidationException if the batch or an element is null (nothing sent)
     * @throws RuntimeException of the SDK's tree (e.g. {@code TransportException}, {@code ServerException}) when
     *     the batch was not stored
     */
    @Override
    public void write(List<AuditEvent> batch) {
        if (batch == null) {
            throw new ValidationException("batch", "must not be null");
        }
        Map<String, List<String>> nulls = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) == null) {
                nulls.put("batch[" + i + "]", List.of("must not be null"));
            }
        }
        if (!nulls.isEmpty()) {
            throw new ValidationException("audit batch", nulls);
        }
        if (batch.isEmpty()) {
            return;
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (AuditEvent e : batch) {
            rows.add(row(e));
        }
        client.from(TABLE).upsert(rows).onConflict("event_id").ignoreDuplicates().returning(Returning.MINIMAL)
                .repeatable(true).execute();
    }

    /** The {@code logs_audit} row of an event. */
    static ObjectNode row(AuditEvent e) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("event_id", e.eventId().toString());
        row.put("occurred_at", e.occurredAt().toString());
        row.put("actor_id", uuidOrNull(e));
        row.put("actor_role", e.actorRole());
        row.put("action", e.action());
        row.put("entity_type", e.entityType());
        row.put("entity_id", e.entityId());
        row.set("changes", SdkJson.mapper().valueToTree(e.changes().byField()));
        row.put("ip", e.sourceIp());
        row.put("request_id", e.requestId());
        return row;
    }

    private static String uuidOrNull(AuditEvent e) {
        String actor = e.actorId();
        if (actor == null) {
            return null;
        }
        try {
            return UUID.fromString(actor).toString();
        } catch (IllegalArgumentException notUuid) {
            CrudContext.LOG.warn("audit event {}: actor id is not a UUID; logs_audit.actor_id stored as null",
                    e.eventId());
            return null;
        }
    }

    /** Closes the sink's own copy of the client; the client given to {@link #create} is not touched. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "LogsAuditSink{" + client.url() + '}';
    }
}
