package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * An upsert: {@code POST /rest/v1/<table>} with {@code Prefer: resolution=merge-duplicates} (or
 * {@code ignore-duplicates}) and {@code on_conflict} when the key is not the primary key.
 *
 * <p>Retries: an upsert whose conflict key is named with {@link #onConflict(String...)} and present (non-null) in
 * every row is safe to repeat, so it is retried like a read; any other upsert is sent once.
 */
public final class UpsertQuery extends PostgrestBuilder<UpsertQuery> {

    private final List<String> conflictColumns = new ArrayList<>();

    UpsertQuery(PostgrestContext ctx, String table, Object rows) {
        super(ctx, "POST", "table " + table, List.of(table));
        this.body = Rows.toJson("upsert rows", rows, true);
        this.resolution = "merge-duplicates";
        String columns = Rows.columns(body);
        if (columns != null) {
            params.add(entry("columns", columns));
        }
    }

    /**
     * Names the unique key that decides a conflict ({@code on_conflict=a,b}); needed when it is not the primary
     * key, and what makes the upsert retryable.
     *
     * @param columns the key's columns
     * @return this query
     */
    public UpsertQuery onConflict(String... columns) {
        if (columns == null || columns.length == 0) {
            throw new ValidationException("onConflict", "needs at least one column");
        }
        conflictColumns.clear();
        StringJoiner j = new StringJoiner(",");
        for (String c : columns) {
            Conditions.requireColumn(c);
            conflictColumns.add(c);
            j.add(Encoding.listColumn(c));
        }
        modifiers.put("on_conflict", j.toString());
        return this;
    }

    /**
     * Keeps the existing row on conflict instead of merging ({@code resolution=ignore-duplicates}): an insert that
     * skips rows already present.
     *
     * @return this query
     */
    public UpsertQuery ignoreDuplicates() {
        this.resolution = "ignore-duplicates";
        return this;
    }

    /**
     * Chooses what the upsert answers.
     *
     * @param returning the preference
     * @return this query
     */
    public UpsertQuery returning(Returning returning) {
        setReturning(returning);
        return this;
    }

    /**
     * Requires exactly {@code rows} rows to be written, else {@link UnexpectedRowCountException} (with
     * {@link #ignoreDuplicates()}, skipped rows do not count).
     *
     * @param rows the expected number, at least 0
     * @return this query
     */
    public UpsertQuery expectAffected(long rows) {
        setExpectedAffected(rows);
        return this;
    }

    /**
     * Whether keys missing from a row become NULL (true, the default) or the column default (false:
     * {@code Prefer: missing=default}).
     *
     * @param defaultToNull false to use column defaults
     * @return this query
     */
    public UpsertQuery defaultToNull(boolean defaultToNull) {
        setDefaultToNull(defaultToNull);
        return this;
    }

    @Override
    boolean isMutation() {
        return true;
    }

    @Override
    boolean repeatableByDefault(String m) {
        return !conflictColumns.isEmpty() && Rows.allHaveKeys(body, conflictColumns);
    }

    @Override
    String verb(String method) {
        return "upsert";
    }
}
