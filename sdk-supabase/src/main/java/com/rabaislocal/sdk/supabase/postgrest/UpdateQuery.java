package com.rabaislocal.sdk.supabase.postgrest;

import java.util.List;

/**
 * An update: {@code PATCH /rest/v1/<table>?<filters>} with the columns to set. Refused before sending when no
 * filter restricts the table's rows. Sent once (not retried after it may have reached the server).
 *
 * <p>Row Level Security does not raise on rows it hides: such an update answers 204 having changed nothing. State
 * how many rows must change with {@link #expectAffected(long)} to turn that into an
 * {@link UnexpectedRowCountException}.
 */
public final class UpdateQuery extends FilterBuilder<UpdateQuery> {

    UpdateQuery(PostgrestContext ctx, String table, Object values) {
        super(ctx, "PATCH", "table " + table, List.of(table));
        this.body = Rows.toJson("update values", values, false);
    }

    /**
     * Chooses what the update answers.
     *
     * @param returning the preference
     * @return this query
     */
    public UpdateQuery returning(Returning returning) {
        setReturning(returning);
        return this;
    }

    /**
     * Requires exactly {@code rows} rows to be changed, else {@link UnexpectedRowCountException} once the answer
     * arrives (asks for {@code count=exact}). Fewer rows than expected were still changed; add
     * {@link #maxAffected(int)} to have PostgREST 13+ roll back when more would be.
     *
     * @param rows the expected number, at least 0
     * @return this query
     */
    public UpdateQuery expectAffected(long rows) {
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
        requireRootFilter("update");
    }
}
