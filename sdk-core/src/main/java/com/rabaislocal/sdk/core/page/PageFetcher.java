package com.rabaislocal.sdk.core.page;

/**
 * Fetches one page: one request to the service. A module writes one per listing endpoint and hands it to
 * {@link AutoPager}.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

    /**
     * Fetches the page that starts at {@code cursor}.
     *
     * @param cursor null for the first page, else the {@link Page#nextCursor()} of the previous page
     * @return the page; its next cursor null when it is the last
     */
    Page<T> fetch(String cursor);
}
