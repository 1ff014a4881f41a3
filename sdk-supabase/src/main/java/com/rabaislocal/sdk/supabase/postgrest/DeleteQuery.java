package com.rabaislocal.sdk.supabase.postgrest;

import java.util.List;

/**
 * A delete: {@code DELETE /rest/v1/<table>?<filters>}. Refused before sending when no filter restricts the
 * table's rows. Sent once (not retried after it may have reached the server).
 *
 * <p>Row Level Security does not raise on rows it hides (nor when no DELETE policy exists): such a delete answers
 * 204 having removed nothing. Use {@link #expectAffected(long)} to turn that into an
 * {@link UnexpectedRowCountException}.
 */
public final class DeleteQuery extends FilterBuilder<DeleteQuery> {

    DeleteQuery(PostgrestContext ctx, String table) {
        super(ctx, "DELETE", "table " + table, List.of(table));
    }

    /**
     * Chooses what the delete answers ({@code representation}: the deleted rows).
     *
     * @param returning the preference
     * @return this query
     */
    public DeleteQuery returning(Returning returning) {
        setReturning(returning);
        return this;
    }

    /**
     * Requires exactly {@code rows} rows to be deleted, else {@link UnexpectedRowCountException} once the answer
     * arrives (asks for {@code count=exact}). Add {@link #maxAffected(int)} to have PostgREST 13+ roll back when
     * more would be.
     *
     * @param rows the expected number, at least 0
     * @return this query
     */
    public DeleteQuery expectAffected(long rows) {
        setExpectedAffected(rows);
        return this;
    }

    @Override
    boolean isMutation() {
        return true;
    }

    @Override
    boolean repeatableByDefault(String m) {
        return false;
    }

    @Override
    void validate() {
        requireRootFilter("delete");
    }
}
