package com.rabaislocal.sdk.core.page;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every page of a listing, lazily: one request per page, made only when the caller reaches the end of the
 * previous one. Serves every paging style through {@link PageFetcher}'s opaque cursor (offset/limit, keyset such as
 * {@code since_id}, a cursor token, a {@code Link} header), with factories for the first two:
 * {@link #offset(int, OffsetFetcher)} and {@link #keyset(int, Function, KeysetFetcher)}.
 *
 * <p>A valve keeps a server that repeats itself from looping a caller forever:
 * <ul>
 *   <li>with {@link Builder#idOf(Function) ids} known, an item already handed out is skipped, and a page that holds
 *       no unseen id ends the walk (the ids seen are kept in memory for the walk's life);</li>
 *   <li>the walk ends after {@link Builder#maxPages(int)} pages (default {@value #DEFAULT_MAX_PAGES}), logged at
 *       WARN on {@code com.rabaislocal.sdk.page}.</li>
 * </ul>
 *
 * <p>An {@code AutoPager} is a recipe: each {@link #iterator()}, {@link #stream()} or {@link #pages()} starts a new
 * walk from the first page. Not thread-safe while walking; exceptions from the fetcher reach the caller as they are.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {

    /** The default maximum number of pages one walk requests. */
    public static final int DEFAULT_MAX_PAGES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.page");

    private final PageFetcher<T> fetcher;
    private final Function<? super T, ?> idOf;
    private final int maxPages;
    private final String name;

    private AutoPager(Builder<T> b) {
        this.fetcher = b.fetcher;
        this.idOf = b.idOf;
        this.maxPages = b.maxPages;
        this.name = b.name;
    }

    /**
     * Starts a builder.
     *
     * @param fetcher fetches one page per call
     * @param <T> the item type
     * @return the builder
     */
    public static <T> Builder<T> builder(PageFetcher<T> fetcher) {
        return new Builder<>(fetcher);
    }

    /**
     * A pager with the defaults: no id valve, at most {@value #DEFAULT_MAX_PAGES} pages.
     *
     * @param fetcher fetches one page per call
     * @param <T> the item type
     * @return the pager
     */
    public static <T> AutoPager<T> of(PageFetcher<T> fetcher) {
        return builder(fetcher).build();
    }

    /** Fetches the items at one offset. */
    @FunctionalInterface
    public interface OffsetFetcher<T> {
        /**
         * Fetches up to {@code limit} items starting at {@code offset}.
         *
         * @param offset the number of items to skip, 0 for the first page
         * @param limit the page size
         * @return the items; fewer than {@code limit} means the last page
         */
        List<T> fetch(long offset, int limit);
    }

    /** Fetches the items after one id. */
    @FunctionalInterface
    public interface KeysetFetcher<T> {
        /**
         * Fetches up to {@code limit} items after {@code afterId}.
         *
         * @param afterId null for the first page, else the id of the last item of the previous page
         * @param limit the page size
         * @return the items; fewer than {@code limit} means the last page
         */
        List<T> fetch(String afterId, int limit);
    }

    /**
     * A builder for offset/limit paging: the cursor is the next offset, and a short page is the last.
     *
     * @param limit the page size, positive
     * @param fetcher fetches one page
     * @param <T> the item type
     * @return the builder, to add {@link Builder#idOf(Function) ids} or a page cap
     */
    public static <T> Builder<T> offset(int limit, OffsetFetcher<T> fetcher) {
        requirePositive(limit);
        Objects.requireNonNull(fetcher, "fetcher");
        return builder(cursor -> {
            long offset = cursor == null ? 0L : Long.parseLong(cursor);
            List<T> items = fetcher.fetch(offset, limit);
            return new Page<>(items, items.size() < limit ? null : Long.toString(offset + items.size()));
        });
    }

    /**
     * A builder for keyset paging ({@code since_id}, {@code after}): the cursor is the last item's id, a short page
     * is the last, and the id valve is on.
     *
     * @param limit the page size, positive
     * @param idOf the id of an item, as sent back to the service
     * @param fetcher fetches one page
     * @param <T> the item type
     * @return the builder
     */
    public static <T> Builder<T> keyset(int limit, Function<? super T, String> idOf, KeysetFetcher<T> fetcher) {
        requirePositive(limit);
        Objects.requireNonNull(idOf, "idOf");
        Objects.requireNonNull(fetcher, "fetcher");
        return AutoPager.<T>builder(cursor -> {
            List<T> items = fetcher.fetch(cursor, limit);
            String next = items.size() < limit || items.isEmpty() ? null : idOf.apply(items.get(items.size() - 1));
            return new Page<>(items, next);
        }).idOf(idOf);
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new ValidationException("page settings", Map.of("limit", List.of("must be positive, was " + limit)));
        }
    }

    /** @return a new walk over every item, fetching pages as it goes */
    @Override
    public Iterator<T> iterator() {
        return new ItemIterator();
    }

    /** @return a sequential, lazy stream over every item; closing it early stops fetching */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * Walks page by page, with the same valve (a page's items are those not seen before).
     *
     * @return a new walk over the pages
     */
    public Iterable<Page<T>> pages() {
        return PageIterator::new;
    }

    /**
     * Reads every item into a list.
     *
     * @return all items, in order
     */
    public List<T> toList() {
        List<T> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** Fetches pages and filters seen ids. */
    private final class PageIterator implements Iterator<Page<T>> {
        private final Set<Object> seen = idOf == null ? null : new HashSet<>();
        private String cursor;
        private boolean done;
        private int fetched;
        private Page<T> next;

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Page<T> p = next;
            next = null;
            return p;
        }

        private Page<T> advance() {
            if (fetched >= maxPages) {
                LOG.warn("{}: stopped after {} pages (the maximum); the listing may hold more", name, maxPages);
                done = true;
                return null;
            }
            Page<T> page = fetcher.fetch(cursor);
            fetched++;
            if (page == null) {
                done = true;
                return null;
            }
            List<T> items = page.items();
            if (seen != null) {
                List<T> unseen = new ArrayList<>(items.size());
                for (T item : items) {
                    if (seen.add(idOf.apply(item))) {
                        unseen.add(item);
                    }
                }
                if (unseen.isEmpty() && !items.isEmpty()) {
                    // The server sent a page we have already seen: it is repeating itself, so stop here.
                    LOG.debug("{}: page {} holds no unseen id; stopping", name, fetched);
                    done = true;
                    return null;
                }
                items = unseen;
            }
            if (page.nextCursor() == null || page.nextCursor().equals(cursor) || page.items().isEmpty()) {
                done = true;
            }
            cursor = page.nextCursor();
            return new Page<>(items, done ? null : cursor);
        }
    }

    /** Flattens the pages. */
    private final class ItemIterator implements Iterator<T> {
        private final PageIterator pages = new PageIterator();
        private Iterator<T> current = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!pages.hasNext()) {
                    return false;
                }
                current = pages.next().items().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    /**
     * Builds an {@link AutoPager}.
     *
     * @param <T> the item type
     */
    public static final class Builder<T> {
        private final PageFetcher<T> fetcher;
        private Function<? super T, ?> idOf;
        private int maxPages = DEFAULT_MAX_PAGES;
        private String name = "listing";

        private Builder(PageFetcher<T> fetcher) {
            this.fetcher = fetcher;
        }

        /**
         * Turns on the id valve: items already handed out are skipped, and a page with no unseen id ends the walk.
         *
         * @param idOf the id of an item (any value with {@code equals}/{@code hashCode}); null turns the valve off
         * @return this builder
         */
        public Builder<T> idOf(Function<? super T, ?> idOf) {
            this.idOf = idOf;
            return this;
        }

        /**
         * Caps the pages one walk requests.
         *
         * @param maxPages at least 1; default {@value #DEFAULT_MAX_PAGES}
         * @return this builder
         */
        public Builder<T> maxPages(int maxPages) {
            this.maxPages = maxPages;
            return this;
        }

        /**
         * Names the listing in log lines.
         *
         * @param name e.g. {@code "goaffpro affiliates"}; default {@code "listing"}
         * @return this builder
         */
        public Builder<T> name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Validates and builds the pager.
         *
         * @return the pager
         * @throws ValidationException when the fetcher is missing or the page cap is not positive
         */
        public AutoPager<T> build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (fetcher == null) {
                errors.put("fetcher", List.of("is required"));
            }
            if (maxPages < 1) {
                errors.put("maxPages", List.of("must be at least 1, was " + maxPages));
            }
            if (name == null || name.isBlank()) {
                errors.put("name", List.of("must not be blank"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("pager settings", errors);
            }
            return new AutoPager<>(this);
        }
    }
}
