package com.rabaislocal.sdk.supabase.postgrest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import java.util.List;

/**
 * A read of a table or view: {@code GET /rest/v1/<table>?select=...&<filters>}. Retried on 503, 520 and I/O
 * failures under the client's policy.
 */
public final class SelectQuery extends FilterBuilder<SelectQuery> {

    SelectQuery(PostgrestContext ctx, String table, String columns) {
        super(ctx, "GET", "table " + table, List.of(table));
        select(columns);
    }

    /**
     * Sends a HEAD request: no rows, only headers; with {@link #count(Count)} the total comes back in
     * {@link PostgrestResult#count()}.
     *
     * @return this query
     */
    public SelectQuery head() {
        this.method = "HEAD";
        return this;
    }

    /**
     * Counts the matching rows with a HEAD request ({@code Prefer: count=...}), reading no row.
     *
     * @param how how to count; {@link Count#EXACT} is exact but slow on large tables
     * @return the total
     * @throws RabaisSdkException when the answer carried no total
     */
    public long countRows(Count how) {
        count(how);
        SdkRequest r = request(shape(null, false, null, "HEAD"));
        String range = send(r).header("Content-Range").orElse(null);
        Long total = ContentRange.total(range);
        if (total == null) {
            throw new RabaisSdkException("supabase " + r.describe() + ": no total in Content-Range (" + range + ")");
        }
        return total;
    }

    /**
     * Walks every matching row page by page; see {@link Pager}. The query must have an {@code order} (on a unique
     * key) and no {@code limit} or {@code range} of its own.
     *
     * @param rowType the row class or record
     * @param pageSize rows per request, 1 to 1000 is best on Supabase (its default {@code max-rows} is 1000)
     * @param <T> the row type
     * @return the lazy pager
     * @throws ValidationException when the query is not ordered or already limited
     */
    public <T> Pager<T> paginate(Class<T> rowType, int pageSize) {
        return pager(type(rowType), pageSize);
    }

    /**
     * As {@link #paginate(Class, int)}, bound to a generic type.
     *
     * @param rowType the row type
     * @param pageSize rows per request
     * @param <T> the row type
     * @return the lazy pager
     */
    public <T> Pager<T> paginate(TypeReference<T> rowType, int pageSize) {
        return pager(type(rowType), pageSize);
    }

    private <T> Pager<T> pager(JavaType type, int pageSize) {
        java.util.Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
        if (pageSize < 1) {
            errors.put("pageSize", List.of("must be at least 1, was " + pageSize));
        }
        if (!modifiers.containsKey("order")) {
            errors.put("order", List.of("is required: pages are only stable on an ordered query, e.g."
                    + " order(\"id\")"));
        }
        if (modifiers.containsKey("limit") || modifiers.containsKey("offset")) {
            errors.put("limit/range", List.of("are set by the pager; remove them from the query"));
        }
        if (!method.equals("GET")) {
            errors.put("head", List.of("a HEAD query has no rows to page through"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("paginate on " + subject, errors);
        }
        SdkRequest base = request(shape(null, true, null, null));
        return new Pager<>((offset, limit) -> {
            SdkRequest page = base.toBuilder().query("limit", Integer.toString(limit))
                    .query("offset", Long.toString(offset)).build();
            return this.<T>fetch(page, type, answerShape()).rows();
        }, pageSize, Pager.DEFAULT_MAX_PAGES, subject);
    }

    @Override
    boolean limitsMaybeSingle() {
        return true;
    }
}
