package com.rabaislocal.sdk.supabase.postgrest;

/**
 * A table or view, before choosing the operation: {@code from("offers").select(...)}, {@code .insert(...)},
 * {@code .upsert(...)}, {@code .update(...)} or {@code .delete()}.
 */
public final class TableQuery {

    private final PostgrestContext ctx;
    private final String table;

    TableQuery(PostgrestContext ctx, String table) {
        this.ctx = ctx;
        this.table = table;
    }

    /** @return the table or view name */
    public String table() {
        return table;
    }

    /** @return a read of every column */
    public SelectQuery select() {
        return new SelectQuery(ctx, table, "*");
    }

    /**
     * Starts a read.
     *
     * @param columns the select list, embedded resources included, e.g. {@code "id,title,merchants(name)"}
     * @return the query
     */
    public SelectQuery select(String columns) {
        return new SelectQuery(ctx, table, columns);
    }

    /**
     * Starts an insert.
     *
     * @param rows one row (a record, bean, Map or {@code ObjectNode}) or a list/array of them
     * @return the query
     */
    public InsertQuery insert(Object rows) {
        return new InsertQuery(ctx, table, rows);
    }

    /**
     * Starts an upsert (insert, merging rows whose key already exists).
     *
     * @param rows one row or a list of them
     * @return the query
     */
    public UpsertQuery upsert(Object rows) {
        return new UpsertQuery(ctx, table, rows);
    }

    /**
     * Starts an update; add filters before sending.
     *
     * @param values the columns to set (a record, bean, Map or {@code ObjectNode}); null fields are set to NULL
     * @return the query
     */
    public UpdateQuery update(Object values) {
        return new UpdateQuery(ctx, table, values);
    }

    /** @return a delete; add filters before sending */
    public DeleteQuery delete() {
        return new DeleteQuery(ctx, table);
    }

    @Override
    public String toString() {
        return "TableQuery{" + table + '}';
    }
}
