package com.rabaislocal.sdk.supabase.postgrest;

import java.util.List;

/**
 * An insert: {@code POST /rest/v1/<table>} with one row or a list. A list's rows may have different keys: the
 * union is sent as {@code columns}, and missing values become NULL or, with {@code defaultToNull(false)}, the
 * column default. Not retried after the request may have reached the server (an insert is not safe to repeat;
 * use {@code upsert(...).onConflict(key).ignoreDuplicates()} for a retryable insert of client-chosen ids).
 */
public final class InsertQuery extends PostgrestBuilder<InsertQuery> {

    InsertQuery(PostgrestContext ctx, String table, Object rows) {
        super(ctx, "POST", "table " + table, List.of(table));
        this.body = Rows.toJson("insert rows", rows, true);
        String columns = Rows.columns(body);
        if (columns != null) {
            params.add(entry("columns", columns));
        }
    }

    /**
     * Chooses what the insert answers; rows are asked for anyway by {@code select(...)} and by the terminal
     * operations that return rows.
     *
     * @param returning the preference
     * @return this query
     */
    public InsertQuery returning(Returning returning) {
        setReturning(returning);
        return this;
    }

    /**
     * Requires exactly {@code rows} rows to be inserted, else {@link UnexpectedRowCountException} after the call
     * (asks for {@code count=exact}).
     *
     * @param rows the expected number, at least 0
     * @return this query
     */
    public InsertQuery expectAffected(long rows) {
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
    public InsertQuery defaultToNull(boolean defaultToNull) {
        setDefaultToNull(defaultToNull);
        return this;
    }

    @Override
    boolean isMutation() {
        return true;
    }
}
