package com.rabaislocal.sdk.supabase.postgrest;

import java.util.List;

/**
 * What an update and a delete share: both write the rows their filters select, are refused before sending when no
 * filter restricts the table's rows, and are sent once (not retried after they may have reached the server).
 *
 * @param <B> the concrete query type
 */
abstract class FilteredWrite<B extends FilteredWrite<B>> extends FilterBuilder<B> {

    private final String verb;

    /**
     * @param verb how the refusal names the operation ({@code update}, {@code delete})
     */
    FilteredWrite(PostgrestContext ctx, String method, String table, String verb) {
        super(ctx, method, "table " + table, List.of(table));
        this.verb = verb;
    }

    /**
     * Chooses what the query answers ({@code representation}: the rows as written, or as they were before a
     * delete).
     *
     * @param returning the preference
     * @return this query
     */
    public B returning(Returning returning) {
        setReturning(returning);
        return self();
    }

    /**
     * Requires exactly {@code rows} rows to be affected, else {@link UnexpectedRowCountException} once the answer
     * arrives (asks for {@code count=exact}). By then the statement has run: fewer rows than expected were still
     * written; add {@link #maxAffected(int)} to have PostgREST 13+ roll back when more would be.
     *
     * @param rows the expected number, at least 0
     * @return this query
     */
    public B expectAffected(long rows) {
        setExpectedAffected(rows);
        return self();
    }

    @Override
    final boolean isMutation() {
        return true;
    }

    @Override
    final boolean repeatableByDefault(String m) {
        return false;
    }

    @Override
    final void validate() {
        requireRootFilter(verb);
    }
}
