package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A query or write touched a different number of rows than the call required:
 * <ul>
 *   <li>{@code single()} found no row or several (PostgREST {@code PGRST116}, HTTP 406);</li>
 *   <li>{@code maybeSingle()} found several;</li>
 *   <li>a write with {@code expectAffected(n)} changed another number of rows, typically 0 because Row Level
 *       Security hid the rows (PostgREST answers such a write with 204 and no error);</li>
 *   <li>a write with {@code maxAffected(n)} would have changed more than n rows and was rolled back by PostgREST
 *       ({@code PGRST124}).</li>
 * </ul>
 * The message names the table or function, the method and path, and the filters. When PostgREST itself refused,
 * {@link #apiError()} holds its answer and {@link #getCause()} the original exception.
 */
public class UnexpectedRowCountException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    /** What was queried. */
    private final String subject;
    /** The filters as sent. */
    private final String filters;
    /** What the call required. */
    private final String expected;
    /** The rows seen, or null. */
    private final Long actual;
    private final transient ApiError apiError;

    /**
     * Creates the exception.
     *
     * @param subject what was queried, e.g. {@code table offers} or {@code function nearby_offers}
     * @param call the method and path, e.g. {@code PATCH /rest/v1/offers}
     * @param filters the filters as sent, e.g. {@code id=eq.42}; empty when none
     * @param expected what the call required, e.g. {@code exactly 1 row}
     * @param actual the number of rows seen, or null when unknown
     * @param cause PostgREST's refusal, or null when the SDK detected the mismatch
     */
    public UnexpectedRowCountException(String subject, String call, String filters, String expected, Long actual,
                                       ApiException cause) {
        this(subject, call, filters, expected, actual, actual == null ? null : actual.toString(), cause);
    }

    UnexpectedRowCountException(String subject, String call, String filters, String expected, Long actual,
                                String actualText, ApiException cause) {
        super(message(subject, call, filters, expected, actual, actualText), cause);
        this.subject = subject;
        this.filters = filters;
        this.expected = expected;
        this.actual = actual;
        this.apiError = cause == null ? null : cause.error();
    }

    /** @return what was queried, e.g. {@code table offers} */
    public String subject() {
        return subject;
    }

    /** @return the filters as sent, e.g. {@code id=eq.42, owner_id=eq.7}; empty when none */
    public String filters() {
        return filters;
    }

    /** @return what the call required, e.g. {@code exactly 1 row} or {@code at most 5 rows} */
    public String expected() {
        return expected;
    }

    /** @return the number of rows found or affected, when known */
    public OptionalLong actual() {
        return actual == null ? OptionalLong.empty() : OptionalLong.of(actual);
    }

    /** @return PostgREST's answer when it refused the call itself ({@code PGRST116}, {@code PGRST124}) */
    public Optional<ApiError> apiError() {
        return Optional.ofNullable(apiError);
    }

    private static String message(String subject, String call, String filters, String expected, Long actual,
                                  String actualText) {
        StringBuilder sb = new StringBuilder("supabase ").append(call).append(": expected ").append(expected)
                .append(" on ").append(subject).append(", got ")
                .append(actualText == null ? "a different number" : actualText)
                .append(" (filters: ").append(filters == null || filters.isEmpty() ? "none" : filters).append(')');
        if (actual != null && actual == 0 && !call.startsWith("GET") && !call.startsWith("HEAD")) {
            sb.append(". A write that Row Level Security hides affects 0 rows without an error: check the policies"
                    + " for this role and the filters");
        }
        return sb.toString();
    }
}
