package com.rabaislocal.sdk.core.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing: its items and where the next page starts. Immutable.
 *
 * <p>The cursor is opaque to the pager: an offset ({@code "200"}), the last id for keyset paging ({@code since_id}),
 * a service's cursor token, or the next page's number or URL from a {@code Link} header. Null means there is no next
 * page.
 *
 * @param items the items, in the service's order; never null (copied)
 * @param nextCursor where the next page starts, or null when this is the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Copies the items.
     *
     * @param items the items, in the service's order; never null (copied)
     * @param nextCursor where the next page starts, or null when this is the last page
     * @throws NullPointerException when {@code items} is null
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /**
     * A page with a next one.
     *
     * @param items the items
     * @param nextCursor where the next page starts; null for the last page
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, nextCursor);
    }

    /**
     * The last page.
     *
     * @param items the items
     * @param <T> the item type
     * @return the page, with no next cursor
     */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    /** @return true when a next page may follow */
    public boolean hasNext() {
        return nextCursor != null;
    }

    /** @return the next cursor, when there is a next page */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
