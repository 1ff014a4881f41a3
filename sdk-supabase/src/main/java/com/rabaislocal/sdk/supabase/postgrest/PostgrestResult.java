package com.rabaislocal.sdk.supabase.postgrest;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer to a query or write: its rows, the total count when one was asked for, and the status.
 * Immutable.
 *
 * @param <T> the row type
 */
public final class PostgrestResult<T> {

    private final List<T> rows;
    private final Long count;
    private final int status;
    private final String contentRange;
    private final String requestId;

    PostgrestResult(List<T> rows, Long count, int status, String contentRange, String requestId) {
        this.rows = List.copyOf(rows);
        this.count = count;
        this.status = status;
        this.contentRange = contentRange;
        this.requestId = requestId;
    }

    /** @return the rows, empty for a HEAD request or a write that returned none; never null, no null element */
    public List<T> rows() {
        return rows;
    }

    /**
     * Returns the total number of rows matched (reads) or affected (writes), read from {@code Content-Range}.
     *
     * @return the total, present when a {@link Count} was asked for (or {@code expectAffected} set)
     */
    public OptionalLong count() {
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /** @return the HTTP status, e.g. 200, 201, 204 or 206 */
    public int status() {
        return status;
    }

    /** @return the raw {@code Content-Range} header, e.g. {@code 0-9/1234}, if sent */
    public Optional<String> contentRange() {
        return Optional.ofNullable(contentRange);
    }

    /** @return the request id the platform assigned ({@code sb-request-id}, {@code cf-ray}...), if sent */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public String toString() {
        return "PostgrestResult{status=" + status + ", rows=" + rows.size() + ", count=" + count + '}';
    }
}
