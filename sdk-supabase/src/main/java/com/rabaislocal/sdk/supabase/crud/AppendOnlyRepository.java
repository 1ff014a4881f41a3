package com.rabaislocal.sdk.supabase.crud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.audit.AuditChanges;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.postgrest.PostgrestResult;
import com.rabaislocal.sdk.supabase.postgrest.Returning;
import com.rabaislocal.sdk.supabase.postgrest.UnexpectedRowCountException;
import com.rabaislocal.sdk.supabase.postgrest.UpdateQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Reads and idempotent, validated, audited inserts of one table whose rows are never deleted
 * ({@code legal_consents}); the base of the repositories that also update and delete. Immutable and thread-safe.
 *
 * <p><b>Insert with retry.</b> A row without an id gets a random UUID chosen by the SDK, and the insert is sent as
 * {@code POST /rest/v1/<table>?on_conflict=id} with {@code Prefer: resolution=ignore-duplicates}: it is safe to
 * repeat, so the client's retry policy resends it after a lost answer, and a repeat never creates a second row.
 *
 * <p><b>Validation.</b> The repository's {@link RowValidator} runs before any request; a rejected row raises one
 * {@link ValidationException} listing every failing field.
 *
 * <p><b>Audit.</b> Each successful insert emits exactly one {@link AuditEvent} (action {@code insert}, the stored
 * row's non-null columns as {@code after}) to the {@link SupabaseCrud}'s sink; the request carries the event id as
 * {@code X-Audit-Event-Id}, so the database's own audit row and the sink's row are one {@code logs_audit} row. A
 * failed insert emits nothing.
 *
 * @param <T> the row type
 * @param <K> the id type
 * @param <R> the concrete repository type
 */
public abstract class AppendOnlyRepository<T, K, R extends AppendOnlyRepository<T, K, R>>
        extends ReadOnlyRepository<T, K, R> {

    AppendOnlyRepository(Table<T> table, CrudContext ctx, RowValidator<T> validator, boolean includeDeleted) {
        super(table, ctx, validator, includeDeleted);
    }

    /**
     * Returns the same repository checking rows with another validator, e.g. the default one combined with the
     * service's own rules ({@link RowValidator#and(RowValidator)}).
     *
     * @param validator the validator; {@link RowValidator#none()} to rely on the database's constraints only
     * @return the repository with that validator
     */
    public R withValidator(RowValidator<T> validator) {
        if (validator == null) {
            throw new ValidationException("validator", "must not be null; use RowValidator.none() to check nothing");
        }
        return copy(validator, includeDeleted);
    }

    /** @return the validator run before every insert and update */
    public RowValidator<T> validator() {
        return validator;
    }

    /**
     * Validates and inserts a row, idempotently (see the class description), and emits its {@code insert} audit
     * event.
     *
     * <p>If a row with the same id already exists with the same values (a repeated insert), that row is returned
     * and counted as this insert; with other values, nothing is written and {@link RowConflictException} is
     * thrown.
     *
     * @param row the row; a null id gets a random UUID (except on tables whose id the caller must give); null
     *     columns take their database default; columns the database manages are not sent
     * @return the row as stored, with its id and database defaults
     * @throws ValidationException if the row is rejected by the validator (nothing sent)
     * @throws RowConflictException if another row holds the id
     * @throws com.rabaislocal.sdk.core.error.PermissionDeniedException if Row Level Security refuses the row
     */
    public T insert(T row) {
        ObjectNode body = checked(row, true);
        String id = body.get(Table.ID).asText();
        UUID eventId = ctx.eventIds.get();
        PostgrestResult<JsonNode> answer = ctx.mutation(ctx.client.from(table.name()).upsert(body)
                .onConflict(Table.ID).ignoreDuplicates().returning(Returning.REPRESENTATION).repeatable(true), eventId)
                .execute();
        JsonNode stored;
        if (!answer.rows().isEmpty()) {
            stored = sameRow(answer, id, "POST /rest/v1/" + table.name());
        } else {
            // Nothing inserted: the id exists. It is this insert when the stored row holds what was sent (a retry
            // whose first answer was lost); anything else is a different row that an insert must not touch.
            stored = readRaw(id);
            List<String> differing = stored == null ? List.of() : differing(body, stored);
            if (stored == null || !differing.isEmpty()) {
                throw new RowConflictException(table.name(), id, differing);
            }
        }
        // Bound before the event: a row the SDK cannot read is a failed insert, and a failed insert emits nothing.
        T result = bind(stored, "insert into");
        ctx.emit(eventId, AuditEvent.INSERT, table.name(), id,
                AuditChanges.diff(null, RowJson.withoutNulls(RowJson.map(stored))));
        return result;
    }

    /**
     * The one row a write by id answered, checked to be that row: PostgREST answers a write with the rows it
     * wrote, so one row with another id (or more than one row) is an answer that does not fit, not data.
     */
    JsonNode sameRow(PostgrestResult<JsonNode> answer, String id, String call) {
        List<JsonNode> rows = answer.rows();
        JsonNode row = rows.get(0);
        JsonNode got = row.get(Table.ID);
        if (rows.size() != 1 || got == null || !got.isValueNode() || !got.asText().equals(id)) {
            String problem = rows.size() != 1 ? "expected the 1 row written, got " + rows.size() + " rows"
                    : "expected the row written (id " + id + "), got a row with "
                    + (got == null || got.isNull() ? "no id" : "id " + got);
            throw new UnexpectedResponseException("supabase", call, answer.status(),
                    answer.requestId().orElse(null), problem, null, null);
        }
        return row;
    }

    /**
     * Validates a row and turns it into the JSON to send: for an insert, the insert columns without nulls and with
     * an id; for an update, the update columns with nulls kept only where the column accepts them.
     */
    ObjectNode checked(T row, boolean insert) {
        if (row == null) {
            throw new ValidationException(table.subject(), Map.of("row", List.of("must not be null")));
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        ObjectNode all = RowJson.tree(row, table.subject());
        JsonNode id = all.get(Table.ID);
        boolean hasId = id != null && !id.isNull();
        if (!hasId && (!insert || table.ids() == Table.Ids.CALLER)) {
            errors.put(Table.ID, new ArrayList<>(List.of(insert ? "is required: " + table.name() + " rows are named"
                    + " by the caller" : "is required to update a row")));
        }
        Map<String, List<String>> reported = validator.validate(row);
        if (reported == null) {
            throw new RabaisSdkException("the validator of " + table.name() + " returned null instead of a map (return"
                    + " Map.of() for a valid row)");
        }
        reported.forEach((f, m) -> errors.computeIfAbsent(f, k -> new ArrayList<>()).addAll(m));
        errors.values().removeIf(List::isEmpty);
        if (!errors.isEmpty()) {
            throw new ValidationException(table.subject(), errors);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (insert) {
            for (String c : table.insertColumns()) {
                JsonNode v = all.get(c);
                if (v != null && !v.isNull()) {
                    out.set(c, v);
                }
            }
            if (!out.hasNonNull(Table.ID)) {
                out.put(Table.ID, ctx.rowIds.get().toString());
            }
            // Keep a stable column order (id first) for readable requests and logs.
            ObjectNode ordered = JsonNodeFactory.instance.objectNode();
            ordered.set(Table.ID, out.get(Table.ID));
            for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
                String c = it.next();
                if (out.has(c) && !c.equals(Table.ID)) {
                    ordered.set(c, out.get(c));
                }
            }
            return ordered;
        }
        out.set(Table.ID, all.get(Table.ID));
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            String c = it.next();
            if (!table.updateColumns().contains(c)) {
                continue;
            }
            JsonNode v = all.get(c);
            if (v != null && (!v.isNull() || !table.notNull().contains(c))) {
                out.set(c, v);
            }
        }
        return out;
    }

    /** The sent columns whose stored value differs, compared as the row type reads them (times, decimals). */
    private List<String> differing(ObjectNode sent, JsonNode stored) {
        Map<String, Object> a = RowJson.map(RowJson.tree(bind(sent, "insert into"), table.subject()));
        Map<String, Object> b = RowJson.map(RowJson.tree(bind(stored, "insert into"), table.subject()));
        Map<String, Object> sentValues = new LinkedHashMap<>();
        Map<String, Object> storedValues = new LinkedHashMap<>();
        for (Iterator<String> it = sent.fieldNames(); it.hasNext(); ) {
            String c = it.next();
            if (!table.serverStamped().contains(c)) {
                sentValues.put(c, a.get(c));
                storedValues.put(c, b.get(c));
            }
        }
        return new ArrayList<>(AuditChanges.diff(sentValues, storedValues).fields());
    }

    /**
     * Updates one row by id and emits one audit event: reads the row first (the "before" of the diff), sends
     * {@code PATCH ?id=eq.<id>} with {@code return=representation} and {@code count=exact}, and requires exactly one
     * row changed.
     *
     * @param before the row as just read by the caller, or null to read it here
     * @param action the audit action, e.g. {@code update} or {@code restore}
     * @param extraFilter filters the row must also match (e.g. still deleted), or null
     */
    JsonNode patch(String operation, String id, JsonNode before, ObjectNode values, String action,
                   UnaryOperator<UpdateQuery> extraFilter) {
        if (before == null) {
            before = readRaw(id);
        }
        if (before == null) {
            throw new RowNotFoundException(operation, table.name(), id);
        }
        UUID eventId = ctx.eventIds.get();
        UpdateQuery q = ctx.mutation(ctx.client.from(table.name()).update(values).eq(Table.ID, id), eventId);
        if (extraFilter != null) {
            q = extraFilter.apply(q);
        }
        JsonNode after = sameRow(q.returning(Returning.REPRESENTATION).expectAffected(1).execute(), id,
                "PATCH /rest/v1/" + table.name());
        bind(after, operation);
        ctx.emit(eventId, action, table.name(), id, RowJson.diff(RowJson.map(before), RowJson.map(after)));
        return after;
    }

    /**
     * Sets a timestamp column that is set once (soft delete, consent withdrawal) to the database time, and emits one
     * audit event. The PATCH only matches while the column is null, so the previous values of {@code reported}
     * columns are known to be null and no read is needed first. When it matches nothing, the row is read: already
     * stamped, it is returned unchanged and nothing is emitted; missing, {@link RowNotFoundException}; present but
     * not changed, Row Level Security refused the update.
     *
     * @param reported the columns that change with the stamp (the stamp first), as the diff reports them
     * @return the row after the operation
     */
    JsonNode stampOnce(String operation, String id, String column, List<String> reported, String action) {
        UUID eventId = ctx.eventIds.get();
        ObjectNode values = JsonNodeFactory.instance.objectNode().put(column, "now");
        PostgrestResult<JsonNode> answer = ctx.mutation(ctx.client.from(table.name()).update(values)
                .eq(Table.ID, id).eq(column, null).returning(Returning.REPRESENTATION), eventId).execute();
        if (!answer.rows().isEmpty()) {
            JsonNode after = sameRow(answer, id, "PATCH /rest/v1/" + table.name());
            bind(after, operation);
            Map<String, Object> before = new LinkedHashMap<>();
            reported.forEach(c -> before.put(c, null));
            ctx.emit(eventId, action, table.name(), id, AuditChanges.diff(before, RowJson.pick(after, reported)));
            return after;
        }
        JsonNode current = readRaw(id);
        if (current == null) {
            throw new RowNotFoundException(operation, table.name(), id);
        }
        if (!current.path(column).isNull() && !current.path(column).isMissingNode()) {
            return current;
        }
        throw new UnexpectedRowCountException("table " + table.name(), "PATCH /rest/v1/" + table.name(),
                "id=eq." + id + "&" + column + "=is.null", "exactly 1 row affected", 0L, null);
    }
}
