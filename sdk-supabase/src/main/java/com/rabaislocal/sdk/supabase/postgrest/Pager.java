package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Walks a query's rows page by page ({@code limit}/{@code offset}), so a table of any size is read in bounded
 * memory: one page at a time. Lazy: nothing is sent until iteration starts; each iteration starts again from the
 * first page. Immutable and reusable; its iterators are not thread-safe.
 *
 * <p>Built on the kit's {@link AutoPager} ({@link #autoPager()}). Where it stops: at an empty page, or at a page
 * shorter than the ones before it. A server that caps rows per request (Supabase's {@code max-rows}, 1000 by default) below the page size is detected, not mistaken for the end:
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
    private final AutoPager<T> items;

    Pager(PageSource<T> source, int pageSize, int maxPages, String subject) {
        this.source = source;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.subject = subject;
        // One page more than the cap, so the cap is reported by page(...) as the error it is, not a quiet stop.
        this.items = AutoPager.builder(this::page).maxPages(maxPages == Integer.MAX_VALUE ? maxPages : maxPages + 1)
                .name("supabase pager on " + subject).build();
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
        Iterator<Page<T>> pages = items.pages().iterator();
        return new Iterator<>() {
            private List<T> next;

            @Override
            public boolean hasNext() {
                // The walk's last page may be empty (the end confirmed); it is not a page of rows.
                while (next == null && pages.hasNext()) {
                    List<T> rows = pages.next().items();
                    next = rows.isEmpty() ? null : rows;
                }
                return next != null;
            }

            @Override
            public List<T> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException("no more pages");
                }
                List<T> rows = next;
                next = null;
                return rows;
            }
        };
    }

    /** @return the rows of every page, fetched lazily as the stream is consumed */
    public Stream<T> rows() {
        return items.stream();
    }

    /** @return the same walk as the kit's pager over every row (lazy, one request per page) */
    public AutoPager<T> autoPager() {
        return items;
    }

    /**
     * One page at a cursor {@code offset:largest:pages}: the offset advances by the rows actually received, and a
     * short page ends the walk only when it is shorter than the largest page seen (a server's row cap is not the
     * end).
     */
    private Page<T> page(String cursor) {
        long offset = 0;
        int largest = 0;
        int pages = 0;
        if (cursor != null) {
            String[] parts = cursor.split(":");
            offset = Long.parseLong(parts[0]);
            largest = Integer.parseInt(parts[1]);
            pages = Integer.parseInt(parts[2]);
        }
        if (pages >= maxPages) {
            throw new RabaisSdkException("supabase pager on " + subject + " stopped after " + maxPages
                    + " pages of " + pageSize + " rows (" + offset + " rows) with more to read; raise"
                    + " withMaxPages(...) if the table is really that large");
        }
        List<T> rows = source.fetch(offset, pageSize);
        int n = rows.size();
        boolean last = n == 0 || (n < pageSize && n < largest);
        return new Page<>(rows, last ? null : (offset + n) + ":" + Math.max(largest, n) + ":" + (pages + 1));
    }

    @Override
    public String toString() {
        return "Pager{" + subject + ", pageSize=" + pageSize + ", maxPages=" + maxPages + '}';
    }
}
