package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a query's rows page by page ({@code limit}/{@code offset}), so a table of any size is read in bounded
 * memory: one page at a time. Lazy: nothing is sent until iteration starts; each iteration starts again from the
 * first page. Immutable and reusable; its iterators are not thread-safe.
 *
 * <p>Where it stops: at an empty page, or at a page shorter than the ones before it. A server that caps rows per
 * request (Supabase's {@code max-rows}, 1000 by default) below the page size is detected, not mistaken for the end:
 * the offset always advances by the rows actually received. When the very first page comes back short, one more
 * request confirms the end. The query must be ordered on a unique key, or rows may be skipped or repeated between
 * pages while others write.
 *
 * @param <T> the row type
 */
public final class Pager<T> implements Iterable<List<T>> {

    /** The default safety valve: at most this many pages are requested before the pager refuses to go on. */
    public static final int DEFAULT_MAX_PAGES = 100_000;

    /** Fetches one page. */
    interface PageSource<T> {
        List<T> fetch(long offset, int limit);
    }

    private final PageSource<T> source;
    private final int pageSize;
    private final int maxPages;
    private final String subject;

    Pager(PageSource<T> source, int pageSize, int maxPages, String subject) {
        this.source = source;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.subject = subject;
    }

    /** @return the number of rows asked for per request */
    public int pageSize() {
        return pageSize;
    }

    /** @return the most pages one iteration requests before failing */
    public int maxPages() {
        return maxPages;
    }

    /**
     * Returns a pager with another safety valve.
     *
     * @param maxPages at least 1; when more pages would be needed the iteration fails rather than stopping silently
     * @return the new pager
     */
    public Pager<T> withMaxPages(int maxPages) {
        if (maxPages < 1) {
            throw new com.rabaislocal.sdk.core.error.ValidationException("maxPages", "must be at least 1, was "
                    + maxPages);
        }
        return new Pager<>(source, pageSize, maxPages, subject);
    }

    /**
     * Iterates the pages; each page is a non-empty list.
     *
     * @return a new iterator starting at the first page
     */
    @Override
    public Iterator<List<T>> iterator() {
        return new Iterator<>() {
            private long offset;
            private int pages;
            private int largest;
            private boolean finished;
            private List<T> next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (finished) {
                    return false;
                }
                if (pages >= maxPages) {
                    throw new RabaisSdkException("supabase pager on " + subject + " stopped after " + maxPages
                            + " pages of " + pageSize + " rows (" + offset + " rows) with more to read; raise"
                            + " withMaxPages(...) if the table is really that large");
                }
                List<T> page = source.fetch(offset, pageSize);
                pages++;
                int n = page.size();
                if (n == 0) {
                    finished = true;
                    return false;
                }
                offset += n;
                if (n < pageSize && n < largest) {
                    finished = true;
                }
                largest = Math.max(largest, n);
                next = page;
                return true;
            }

            @Override
            public List<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more pages");
                }
                List<T> page = next;
                next = null;
                return page;
            }
        };
    }

    /** @return the rows of every page, fetched lazily as the stream is consumed */
    public Stream<T> rows() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .flatMap(List::stream);
    }

    @Override
    public String toString() {
        return "Pager{" + subject + ", pageSize=" + pageSize + ", maxPages=" + maxPages + '}';
    }
}
