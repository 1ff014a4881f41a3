package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.http.SdkStreamingResponse;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Rows read as they arrive: the body is parsed incrementally and only the current row is held, so a result of any
 * size iterates in constant memory. Single use; close it (try-with-resources) to release the connection early.
 * It also closes itself when the last row has been read or reading fails.
 * <pre>{@code
 * try (RowStream<Offer> rows = supabase.from("offers").select("*").stream(Offer.class)) {
 *     for (Offer o : rows) { ... }
 * }
 * }</pre>
 * Not thread-safe.
 *
 * @param <T> the row type
 */
public final class RowStream<T> implements Iterable<T>, AutoCloseable {

    private final SdkStreamingResponse response;
    private final RowReader<T> reader;
    private final Long count;
    private boolean iterated;
    private boolean closed;

    RowStream(SdkStreamingResponse response, RowReader<T> reader, Long count) {
        this.response = response;
        this.reader = reader;
        this.count = count;
    }

    /** @return the HTTP status */
    public int status() {
        return response.status();
    }

    /** @return the total from {@code Content-Range}, when a {@link Count} was asked for */
    public OptionalLong count() {
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /**
     * Returns the iterator over the rows; it may be taken once.
     *
     * @return the iterator
     * @throws IllegalStateException when taken twice or after {@link #close()}
     */
    @Override
    public Iterator<T> iterator() {
        if (iterated || closed) {
            throw new IllegalStateException("a RowStream can be iterated once, and not after close()");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (closed) {
                    return false;
                }
                try {
                    boolean more = reader.hasNext();
                    if (!more) {
                        close();
                    }
                    return more;
                } catch (RuntimeException e) {
                    close();
                    throw e;
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more rows");
                }
                try {
                    return reader.next();
                } catch (RuntimeException e) {
                    close();
                    throw e;
                }
            }
        };
    }

    /**
     * Returns the rows as a sequential {@link Stream}; closing the stream closes this.
     *
     * @return the stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** Releases the connection; rows not read are discarded. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            reader.close();
            response.close();
        }
    }
}
