package com.rabaislocal.sdk.supabase.postgrest;

/**
 * An update: {@code PATCH /rest/v1/<table>?<filters>} with the columns to set. Refused before sending when no
 * filter restricts the table's rows. Sent once (not retried after it may have reached the server).
 *
 * <p>Row Level Security does not raise on rows it hides: such an update answers 204 having changed nothing. State
 * how many rows must change with {@link #expectAffected(long)} to turn that into an
 * {@link UnexpectedRowCountException}.
 */
public final class UpdateQuery extends FilteredWrite<UpdateQuery> {

    UpdateQuery(PostgrestContext ctx, String table, Object values) {
        super(ctx, "PATCH", table, "update");
        this.body = Rows.toJson("update values", values, false);
    }
}
