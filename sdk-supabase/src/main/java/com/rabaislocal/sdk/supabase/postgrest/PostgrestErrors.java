package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refines sdk-core's status-based exception with PostgREST's code: what the code says wins over an HTTP status that
 * depends on context (42501 answers 401 to anonymous callers, 403 to signed-in ones).
 */
final class PostgrestErrors {

    private static final Pattern ROWS = Pattern.compile("(\\d+) rows?");
    private static final Set<String> CONFLICTS = Set.of("23505", "23503", "23P01");
    private static final Set<String> CALLER_ERRORS = Set.of("PGRST103", "PGRST106", "PGRST201", "PGRST203",
            "25006");

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
        if (code.equals("42501") && !(e instanceof PermissionDeniedException)) {
            return new PermissionDeniedException(err);
        }
        if (CONFLICTS.contains(code) && !(e instanceof ConflictException)) {
            return new ConflictException(err);
        }
        if (CALLER_ERRORS.contains(code) && !(e instanceof InvalidRequestException)) {
            return new InvalidRequestException(err);
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
