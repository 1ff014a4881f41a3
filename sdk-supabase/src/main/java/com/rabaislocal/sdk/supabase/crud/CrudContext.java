package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.audit.AuditChanges;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.postgrest.PostgrestBuilder;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every repository of one {@link SupabaseCrud} shares: the client, the audit sink, the actor and the request. */
final class CrudContext {

    /** Carries the audit event id of a mutation; the database's audit trigger stores it as the row's event_id. */
    static final String AUDIT_EVENT_ID_HEADER = "X-Audit-Event-Id";
    /** Carries the request id; the audit trigger stores it in logs_audit.request_id. */
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Carries the end user's IP; the audit trigger stores the first entry in logs_audit.ip. */
    static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";

    static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.supabase.crud");

    final SupabaseClient client;
    final AuditSink sink;
    final Actor actor;
    final RequestContext request;
    final Clock clock;
    final Supplier<UUID> rowIds;
    final Supplier<UUID> eventIds;

    CrudContext(SupabaseClient client, AuditSink sink, RequestContext request, Clock clock, Supplier<UUID> rowIds,
                Supplier<UUID> eventIds) {
        this.client = client;
        this.sink = sink;
        this.actor = Actor.of(client);
        this.request = request;
        this.clock = clock;
        this.rowIds = rowIds;
        this.eventIds = eventIds;
    }

    /** Whether the client runs as the service role itself (the secret key, no user JWT). */
    boolean isServiceRole() {
        return client.isServiceRole() && !client.hasAccessToken();
    }

    /** Adds the request's id and IP to a request. */
    <B extends PostgrestBuilder<B>> B withRequest(B query) {
        if (request.requestId() != null) {
            query.setHeader(REQUEST_ID_HEADER, request.requestId());
        }
        if (request.sourceIp() != null) {
            query.setHeader(FORWARDED_FOR_HEADER, request.sourceIp());
        }
        return query;
    }

    /** Adds the request's id and IP and the audit event id to a mutation. */
    <B extends PostgrestBuilder<B>> B mutation(B query, UUID eventId) {
        return withRequest(query).setHeader(AUDIT_EVENT_ID_HEADER, eventId.toString());
    }

    /**
     * Emits the one audit event of a mutation that succeeded. A sink failure cannot undo the mutation, so it does not
     * fail the call: the event is logged at ERROR, whole, so it can be recovered (a {@code BatchingAuditSink} in front
     * of a remote sink never throws).
     */
    void emit(UUID eventId, String action, String table, String entityId, AuditChanges changes) {
        AuditEvent event = AuditEvent.builder().eventId(eventId).occurredAt(clock.instant()).actorId(actor.id())
                .actorRole(actor.role()).action(action).entityType(table).entityId(entityId).changes(changes)
                .sourceIp(request.sourceIp()).requestId(request.requestId()).build();
        try {
            sink.write(event);
        } catch (RuntimeException e) {
            LOG.error("audit event {} of a committed {} on {}/{} could not be delivered ({}); its content, to"
                    + " re-enter by hand: {}", eventId, action, table, entityId, e.toString(), event.toJson());
        }
    }
}
