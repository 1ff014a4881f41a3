package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.tables.AuditLogEntry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The audit trail ({@code logs_audit}), read-only: rows are permanent and are written by the database's audit
 * trigger, {@code log_audit_event()} and {@link LogsAuditSink}. A user reads the events they acted in, an admin all.
 * Immutable and thread-safe; get it from {@link SupabaseCrud#logsAudit()}.
 */
public final class LogsAuditRepository extends ReadOnlyRepository<AuditLogEntry, Long, LogsAuditRepository> {

    static final Table<AuditLogEntry> TABLE = new Table<>(AuditLogEntry.TABLE, AuditLogEntry.class,
            Table.Ids.SERVER, Set.of(), Set.of(), Set.of(), Set.of(), false);

    LogsAuditRepository(CrudContext ctx) {
        super(TABLE, ctx, RowValidator.none(), false);
    }

    @Override
    LogsAuditRepository copy(RowValidator<AuditLogEntry> validator, boolean includeDeleted) {
        return this;
    }

    /**
     * Reads the row recording one audit event.
     *
     * @param eventId the {@link com.rabaislocal.sdk.core.audit.AuditEvent#eventId()}
     * @return the row; empty when none is visible to this client
     */
    public Optional<AuditLogEntry> findByEventId(UUID eventId) {
        if (eventId == null) {
            throw new ValidationException("eventId", "must not be null");
        }
        return select().eq("event_id", eventId).maybeSingle(AuditLogEntry.class);
    }

    /**
     * Lists the trail of one entity, oldest first.
     *
     * @param entityType the table name or entity type, e.g. {@code offers}
     * @param entityId the entity's id as text
     * @return the events this client may see
     */
    public List<AuditLogEntry> listForEntity(String entityType, String entityId) {
        Checks c = new Checks().text("entityType", entityType, true, 100).required("entityId", entityId);
        if (!c.result().isEmpty()) {
            throw new ValidationException("audit trail arguments", c.result());
        }
        return list(q -> q.eq("entity_type", entityType).eq("entity_id", entityId).order("id"));
    }
}
