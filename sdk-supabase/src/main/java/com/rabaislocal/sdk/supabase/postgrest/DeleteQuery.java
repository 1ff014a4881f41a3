package com.rabaislocal.sdk.supabase.postgrest;

/**
 * A delete: {@code DELETE /rest/v1/<table>?<filters>}. Refused before sending when no filter restricts the
 * table's rows. Sent once (not retried after it may have reached the server).
 *
 * <p>Row Level Security does not raise on rows it hides (nor when no DELETE policy exists): such a delete answers
 * 204 having removed nothing. Use {@link #expectAffected(long)} to turn that into an
 * {@link UnexpectedRowCountException}; {@link #returning(Returning)} with {@code representation} answers the
 * deleted rows.
 */
public final class DeleteQuery extends FilteredWrite<DeleteQuery> {

    DeleteQuery(PostgrestContext ctx, String table) {
        super(ctx, "DELETE", table, "delete");
    }
}
