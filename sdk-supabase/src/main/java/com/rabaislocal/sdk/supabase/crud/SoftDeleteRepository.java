package com.rabaislocal.sdk.supabase.crud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import java.util.List;

/**
 * The full CRUD template for a table with soft delete ({@code users}, {@code offers}, {@code ai_agents}): reads that
 * leave soft-deleted rows out unless {@link #includeDeleted()}, idempotent inserts, validated updates, soft delete
 * and restore, and purge on the service-role client; every mutation emits exactly one audit event. Immutable and
 * thread-safe.
 *
 * <p><b>Soft delete</b> sends {@code PATCH ?id=eq.<id>&deleted_at=is.null} with {@code {"deleted_at": "now"}} (the
 * database's time); the database stamps {@code deleted_by} with the signed-in user. <b>Restore</b> sends
 * {@code {"deleted_at": null}} to a deleted row; the database clears {@code deleted_by}.
 *
 * @param <T> the row type
 * @param <K> the id type
 * @param <R> the concrete repository type
 */
public abstract class SoftDeleteRepository<T, K, R extends SoftDeleteRepository<T, K, R>>
        extends CrudRepository<T, K, R> {

    SoftDeleteRepository(Table<T> table, CrudContext ctx, RowValidator<T> validator, boolean includeDeleted) {
        super(table, ctx, validator, includeDeleted);
    }

    /**
     * Returns the same repository whose reads include soft-deleted rows (no {@code deleted_at=is.null} filter), e.g.
     * to list what can be restored. Row Level Security still decides what the caller sees: a merchant sees their own
     * deleted offers, a consumer none.
     *
     * @return the repository reading deleted rows too
     */
    public R includeDeleted() {
        return copy(validator, true);
    }

    /** @return whether reads include soft-deleted rows */
    public boolean includesDeleted() {
        return includeDeleted;
    }

    /**
     * Soft-deletes a row: sets {@code deleted_at} to the database's time, and emits one {@code soft_delete} audit
     * event ({@code deleted_at} and {@code deleted_by} from null to their new values). Deleting a row that is
     * already deleted changes nothing, emits nothing, and returns it as it is.
     *
     * @param id the row's id
     * @return the row after the operation
     * @throws RowNotFoundException if no such row is visible to this client
     * @throws com.rabaislocal.sdk.supabase.postgrest.UnexpectedRowCountException if Row Level Security lets the
     *     caller see the row but not change it
     */
    public T softDelete(K id) {
        return bind(stampOnce("softDelete", idText(id), Table.DELETED_AT, List.of(Table.DELETED_AT, Table.DELETED_BY),
                AuditEvent.SOFT_DELETE), "soft delete in");
    }

    /**
     * Restores a soft-deleted row ({@code deleted_at} back to null) and emits one {@code restore} audit event.
     * Restoring a row that is not deleted changes nothing, emits nothing, and returns it as it is.
     *
     * @param id the row's id
     * @return the row after the operation
     * @throws RowNotFoundException if no such row is visible to this client
     * @throws com.rabaislocal.sdk.supabase.postgrest.UnexpectedRowCountException if Row Level Security let no row
     *     change
     */
    public T restore(K id) {
        String key = idText(id);
        JsonNode current = readRaw(key);
        if (current == null) {
            throw new RowNotFoundException("restore", table.name(), key);
        }
        if (current.path(Table.DELETED_AT).isNull() || current.path(Table.DELETED_AT).isMissingNode()) {
            return bind(current, "restore in");
        }
        ObjectNode values = JsonNodeFactory.instance.objectNode().putNull(Table.DELETED_AT);
        return bind(patch("restore", key, current, values, AuditEvent.RESTORE, q -> q.neq(Table.DELETED_AT, null)),
                "restore in");
    }
}
