package com.rabaislocal.sdk.supabase.crud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.audit.AuditChanges;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.postgrest.PostgrestResult;
import com.rabaislocal.sdk.supabase.postgrest.Returning;
import java.util.UUID;

/**
 * Reads, idempotent inserts, validated updates and service-role purges of one table, each write audited. The base
 * of {@link SoftDeleteRepository}; used as is for {@code credits_packages}, which has no soft delete. Immutable and
 * thread-safe.
 *
 * <p><b>Update.</b> The validator runs before any request. The repository then reads the row (the "before" of the
 * audit diff: PostgREST returns only the new row of a PATCH) and sends {@code PATCH ?id=eq.<id>} with
 * {@code Prefer: return=representation,count=exact}, requiring exactly one row changed. A concurrent change between
 * the read and the PATCH is not in the diff; the database's own audit row, written in the PATCH's transaction, is
 * exact.
 *
 * <p><b>Purge</b> (hard {@code DELETE}) runs only on the service-role client: on any other client it is refused
 * before any request with {@link CrudPermissionException}.
 *
 * @param <T> the row type
 * @param <K> the id type
 * @param <R> the concrete repository type
 */
public abstract class CrudRepository<T, K, R extends CrudRepository<T, K, R>> extends AppendOnlyRepository<T, K, R> {

    CrudRepository(Table<T> table, CrudContext ctx, RowValidator<T> validator, boolean includeDeleted) {
        super(table, ctx, validator, includeDeleted);
    }

    /**
     * Validates a row and writes its columns to the stored row with the same id, then emits one {@code update}
     * audit event whose changes are the columns that differ (before and after; {@code updated_at} left out).
     *
     * <p>Every writable column of the row is sent: a null sets a nullable column to NULL and leaves a
     * {@code NOT NULL} column unchanged. Read the row, change it with {@code toBuilder()}, and update it.
     * Database-managed columns ({@code created_at}, {@code updated_at}, {@code deleted_at}, {@code deleted_by}) are
     * never sent; use softDelete and restore for deletion.
     *
     * @param row the row, with its id
     * @return the row as stored after the update
     * @throws ValidationException if the row has no id or the validator rejects it (nothing sent)
     * @throws RowNotFoundException if no such row is visible to this client
     * @throws com.rabaislocal.sdk.supabase.postgrest.UnexpectedRowCountException if the row is visible but Row Level
     *     Security let no row change
     */
    public T update(T row) {
        ObjectNode values = checked(row, false);
        String id = values.remove(Table.ID).asText();
        return bind(patch("update", id, null, values, AuditEvent.UPDATE, null), "update");
    }

    /**
     * Deletes a row for good ({@code DELETE ?id=eq.<id>}) and emits one {@code purge} audit event holding the
     * deleted row as {@code before}. Only on the service-role client; prefer soft delete where the table has one.
     *
     * @param id the row's id
     * @return the row as it was
     * @throws CrudPermissionException if this client is not the service-role client (nothing sent)
     * @throws RowNotFoundException if no such row exists
     * @throws com.rabaislocal.sdk.core.error.ConflictException if other rows still reference it (e.g. a package
     *     that was sold)
     */
    public T purge(K id) {
        String key = idText(id);
        if (!ctx.isServiceRole()) {
            throw new CrudPermissionException("purge " + table.name() + "/" + key, "a hard delete needs the"
                    + " service-role client (SupabaseClient.serviceRoleBuilder(), without a user token); this"
                    + " client acts as " + ctx.actor.role() + (table.softDelete() ? ". Use softDelete(id) instead"
                    : ""));
        }
        UUID eventId = ctx.eventIds.get();
        PostgrestResult<JsonNode> answer = ctx.mutation(ctx.client.from(table.name()).delete().eq(Table.ID, key)
                .returning(Returning.REPRESENTATION), eventId).execute();
        if (answer.rows().isEmpty()) {
            throw new RowNotFoundException("purge", table.name(), key);
        }
        JsonNode gone = sameRow(answer, key, "DELETE /rest/v1/" + table.name());
        T result = bind(gone, "purge from");
        ctx.emit(eventId, AuditEvent.PURGE, table.name(), key,
                AuditChanges.diff(RowJson.withoutNulls(RowJson.map(gone)), null));
        return result;
    }
}
