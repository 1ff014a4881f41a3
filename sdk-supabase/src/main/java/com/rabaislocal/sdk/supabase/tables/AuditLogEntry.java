package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code logs_audit} (module A): one audited action. Rows come from the database's audit trigger, from
 * {@code log_audit_event()}, and from {@link com.rabaislocal.sdk.supabase.crud.LogsAuditSink}; they are permanent.
 * {@code event_id} is the id of the {@link com.rabaislocal.sdk.core.audit.AuditEvent} the row records, so the same
 * event written twice is stored once.
 *
 * @param id the insertion number (identity)
 * @param eventId {@code event_id}: the audit event's id, unique
 * @param occurredAt {@code occurred_at}: when the action happened
 * @param actorId {@code actor_id}: the signed-in user who acted; null for the service role and database
 *     jobs
 * @param actorRole {@code actor_role}: the application role of a signed-in user, else the role that acted
 *     ({@code service_role}, ...)
 * @param action {@code insert}, {@code update}, {@code delete}, {@code soft_delete}, {@code restore}, or an
 *     application verb
 * @param entityType {@code entity_type}: the table name, or the application's entity type
 * @param entityId {@code entity_id}: the row's id as text, or null
 * @param changes each changed column mapped to {@code {"old": ..., "new": ...}} (only {@code new} on
 *     insert, only {@code old} on delete), or the free-form object of a reported event
 * @param ip the client IP address, or null
 * @param requestId {@code request_id}: the request id, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditLogEntry(
        @JsonProperty("id") Long id,
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("actor_id") UUID actorId,
        @JsonProperty("actor_role") String actorRole,
        @JsonProperty("action") String action,
        @JsonProperty("entity_type") String entityType,
        @JsonProperty("entity_id") String entityId,
        @JsonProperty("changes") Map<String, Object> changes,
        @JsonProperty("ip") String ip,
        @JsonProperty("request_id") String requestId) {

    /** The table name. */
    public static final String TABLE = "logs_audit";
}
