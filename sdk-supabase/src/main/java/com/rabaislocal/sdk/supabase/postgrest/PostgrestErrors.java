package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns PostgREST's row-count refusals (PGRST116 for single(), PGRST124 for max-affected) into an
 * {@link UnexpectedRowCountException} naming the table and filters. The exception family of every other code is
 * chosen by {@link com.rabaislocal.sdk.supabase.error.SupabaseErrorParser}.
 */
final class PostgrestErrors {

    private static final Pattern ROWS = Pattern.compile("(\\d+) rows?");

    private PostgrestErrors() {
    }

    static RabaisSdkException translate(ApiException e, Call call, String expectedSingle) {
        ApiError err = e.error();
        String code = err.code().orElse("");
        if (code.equals("PGRST116")) {
            return new UnexpectedRowCountException(call.subject, call.call, call.filters, expectedSingle,
                    rowsIn(err), e);
        }
        if (code.equals("PGRST124")) {
            return new UnexpectedRowCountException(call.subject, call.call, call.filters,
                    "at most the max-affected number of rows", rowsIn(err), e);
        }
        return e;
    }

    /** The row count PostgREST states in {@code details}, e.g. "The result contains 0 rows". */
    private static Long rowsIn(ApiError err) {
        for (String text : new String[] {err.details().orElse(""), err.message()}) {
            Matcher m = ROWS.matcher(text == null ? "" : text);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        return null;
    }
}
