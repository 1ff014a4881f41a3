package com.rabaislocal.sdk.goaffpro.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * How every GoAffPro call is sent and read: the client-side rate limit, the answer read as a JSON tree (floats as
 * exact decimals), the envelope key checked, and the lenient readers' failures turned into
 * {@link UnexpectedResponseException}. Shared by the resource services; internal, no compatibility promise.
 * Immutable and thread-safe.
 */
public final class GoAffProHttp {

    private final ServiceClient http;
    private final RateLimiter limiter;
    private final RetryPolicy policy;
    private final int maxPages;

    /**
     * Creates the call layer.
     *
     * @param http the configured service client
     * @param rateLimit the client-side pace, or null for none
     * @param maxPages the most pages one listing walk requests
     */
    public GoAffProHttp(ServiceClient http, RateLimit rateLimit, int maxPages) {
        this.http = http;
        this.policy = http.retryPolicy();
        this.maxPages = maxPages;
        if (rateLimit == null) {
            this.limiter = null;
        } else {
            RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(rateLimit.requests())
                    .limitRefreshPeriod(rateLimit.period()).timeoutDuration(rateLimit.maxWait()).build();
            // Time read from the retry policy's clock, so the pace is measured on the same clock as the waits.
            this.limiter = RateLimiter.of(http.service(), config, () -> nanos(policy.clock().instant()));
        }
    }

    /** A client-side pace: at most {@code requests} calls per {@code period}, a call waiting up to {@code maxWait}. */
    public record RateLimit(int requests, Duration period, Duration maxWait) {
    }

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** @return the service client every call goes through */
    public ServiceClient http() {
        return http;
    }

    /** @return the most pages one listing walk requests */
    public int maxPages() {
        return maxPages;
    }

    /**
     * Sends a call and reads its answer, which must be a JSON object.
     *
     * @param request the request
     * @param convert turns the answer into the result; a {@link Lenient.BadValue} it throws becomes an
     *     {@link UnexpectedResponseException}
     * @param <T> the result
     * @return the result
     */
    public <T> T call(SdkRequest request, Function<JsonNode, T> convert) {
        pace(request);
        return http.execute(request, "a GoAffPro JSON object", answer -> {
            JsonNode root;
            try (InputStream in = answer.body()) {
                root = Lenient.treeReader().readTree(in);
            }
            String requestId = answer.requestId().orElse(null);
            if (root == null || !root.isObject()) {
                throw new UnexpectedResponseException(http.service(), request.describe(), answer.status(), requestId,
                        "expected a JSON object, got " + (root == null ? "an empty body" : kind(root)),
                        root == null ? null : root.toString(), null);
            }
            try {
                return convert.apply(root);
            } catch (Lenient.BadValue | MissingKey e) {
                throw new UnexpectedResponseException(http.service(), request.describe(), answer.status(), requestId,
                        e.getMessage(), null, e);
            }
        });
    }

    /**
     * Sends a call whose answer must hold {@code key}, and returns the value under it.
     *
     * @param request the request
     * @param key the expected payload key, e.g. {@code "affiliates"}
     * @return the value under the key
     */
    public JsonNode call(SdkRequest request, String key) {
        return call(request, root -> require(root, key));
    }

    /**
     * Sends a listing call and reads the array under {@code key}.
     *
     * @param request the request
     * @param key the envelope key, e.g. {@code "orders"}
     * @param reader reads one item
     * @param <T> the item type
     * @return the items, in the service's order
     */
    public <T> List<T> list(SdkRequest request, String key, Function<JsonNode, T> reader) {
        return call(request, root -> {
            JsonNode array = require(root, key);
            if (!array.isArray()) {
                throw new MissingKey("'" + key + "' is " + kind(array) + ", expected an array");
            }
            List<T> out = new ArrayList<>(array.size());
            for (JsonNode item : array) {
                if (!item.isObject()) {
                    throw new MissingKey("an item of '" + key + "' is " + kind(item) + ", expected an object");
                }
                out.add(reader.apply(item));
            }
            return Collections.unmodifiableList(out);
        });
    }

    /**
     * Returns the value of a key the answer promised.
     *
     * @param root the answer
     * @param key the key
     * @return the value, not null
     * @throws MissingKey when absent or null (becomes an {@link UnexpectedResponseException})
     */
    public static JsonNode require(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            throw new MissingKey("it has no '" + key + "'");
        }
        return v;
    }

    /**
     * Returns a required id from an item or a write's answer.
     *
     * @param node the object
     * @param key the id's key
     * @return the id
     * @throws MissingKey when absent
     */
    public static String requireId(JsonNode node, String key) {
        String id = Lenient.id(node, key);
        if (id == null || id.isEmpty()) {
            throw new MissingKey("it has no '" + key + "'");
        }
        return id;
    }

    /** A key the call promised is missing from the answer. */
    public static final class MissingKey extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the failure.
         *
         * @param message what is missing
         */
        public MissingKey(String message) {
            super(message);
        }
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "an array" : n.isObject() ? "an object" : n.isTextual() ? "a string" : n.getNodeType()
                .toString().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A pager over an offset listing ({@code limit} + {@code offset}) that stops on a short page, on a page with no
     * unseen id and after {@link #maxPages()} pages.
     *
     * @param name the listing's name in log lines
     * @param limit the page size
     * @param idOf an item's id
     * @param fetcher fetches one page
     * @param <T> the item type
     * @return the pager
     */
    public <T> AutoPager<T> offsetPager(String name, int limit, Function<? super T, String> idOf,
                                        AutoPager.OffsetFetcher<T> fetcher) {
        return AutoPager.offset(limit, fetcher).idOf(idOf).maxPages(maxPages).name(name).build();
    }

    /**
     * A pager over a keyset listing ({@code since_id}) with the same stops.
     *
     * @param name the listing's name in log lines
     * @param limit the page size
     * @param idOf an item's id, sent back as {@code since_id}
     * @param fetcher fetches one page
     * @param <T> the item type
     * @return the pager
     */
    public <T> AutoPager<T> keysetPager(String name, int limit, Function<? super T, String> idOf,
                                        AutoPager.KeysetFetcher<T> fetcher) {
        return AutoPager.keyset(limit, idOf, fetcher).maxPages(maxPages).name(name).build();
    }

    /**
     * Fetches one page of an offset listing: sends {@code offset}, reads the array under {@code key}.
     *
     * @param request the request with its filters, {@code fields} and {@code limit}
     * @param offset the items to skip
     * @param limit the page size sent
     * @param key the envelope key
     * @param reader reads one item
     * @param <T> the item type
     * @return the page; the next cursor is the next offset, null after a short page
     */
    public <T> Page<T> offsetPage(SdkRequest.Builder request, long offset, int limit, String key,
                                  Function<JsonNode, T> reader) {
        List<T> items = list(request.query("offset", Long.toString(offset)).build(), key, reader);
        return Page.of(items, items.size() < limit ? null : Long.toString(offset + items.size()));
    }

    /**
     * Fetches one page of a keyset listing: sends {@code since_id} when given, reads the array under {@code key}.
     *
     * @param request the request with its filters, {@code fields} and {@code limit}
     * @param sinceId the id to start after, or null
     * @param limit the page size sent
     * @param key the envelope key
     * @param reader reads one item
     * @param idOf an item's id
     * @param <T> the item type
     * @return the page; the next cursor is its last id, null after a short page
     */
    public <T> Page<T> keysetPage(SdkRequest.Builder request, String sinceId, int limit, String key,
                                  Function<JsonNode, T> reader, Function<? super T, String> idOf) {
        if (sinceId != null) {
            request.query("since_id", sinceId);
        }
        List<T> items = list(request.build(), key, reader);
        return Page.of(items, items.size() < limit || items.isEmpty() ? null : idOf.apply(items.get(items.size() - 1)));
    }

    private void pace(SdkRequest request) {
        if (limiter == null) {
            return;
        }
        long waitNanos = limiter.reservePermission();
        if (waitNanos < 0) {
            throw new RequestTimeoutException(http.service(), http.service() + " " + request.describe()
                    + ": the client-side rate limit gave no permit within "
                    + limiter.getRateLimiterConfig().getTimeoutDuration().toMillis() + " ms", null);
        }
        if (waitNanos > 0) {
            try {
                policy.sleeper().sleep(Duration.ofNanos(waitNanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RabaisSdkException(http.service() + " " + request.describe()
                        + ": interrupted while waiting for the client-side rate limit", e);
            }
        }
    }
}
