package com.rabaislocal.sdk.mailersend.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.SdkResponse;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.mailersend.RateLimitInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.Function;

/**
 * What every MailerSend service shares: sending through the module's {@link ServiceClient}, reading the
 * {@code {"data": ...}} envelope strictly, and MailerSend's page/limit paging. Internal: no compatibility promise.
 */
public final class MailerSendHttp {

    /** The service name in logs, metrics and exceptions. */
    public static final String SERVICE = "mailersend";

    private final ServiceClient http;
    private final int maxPages;

    /**
     * @param http the module's HTTP client
     * @param maxPages the cap of pages one listing walk requests
     */
    public MailerSendHttp(ServiceClient http, int maxPages) {
        this.http = http;
        this.maxPages = maxPages;
    }

    /** @return the HTTP client */
    public ServiceClient http() {
        return http;
    }

    /**
     * Sends a request and returns the whole answer.
     *
     * @param request the request
     * @return the 2xx answer
     */
    public SdkResponse send(SdkRequest request) {
        return http.execute(request);
    }

    /**
     * Sends a request and reads its JSON body.
     *
     * @param request the request
     * @return the answer's tree and headers
     * @throws UnexpectedResponseException when the body is empty or not JSON
     */
    public Answer json(SdkRequest request) {
        SdkResponse r = http.execute(request);
        JsonNode root;
        try {
            root = r.isEmpty() ? null : com.rabaislocal.sdk.core.json.SdkJson.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new UnexpectedResponseException(SERVICE, request.describe(), r.status(),
                    r.requestId().orElse(null), "it is not JSON", r.bodyString(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new UnexpectedResponseException(SERVICE, request.describe(), r.status(),
                    r.requestId().orElse(null), "the body is empty", "", null);
        }
        return new Answer(request, r, root);
    }

    /**
     * Sends a request and returns its {@code data} object.
     *
     * @param request the request
     * @return the answer, its {@code data} checked to be an object
     * @throws UnexpectedResponseException when there is no {@code data} object
     */
    public Answer data(SdkRequest request) {
        Answer a = json(request);
        if (!a.root().path("data").isObject()) {
            throw a.unexpected("expected an object under \"data\"");
        }
        return a;
    }

    /**
     * A lazy walk over a listing paged with {@code page} and {@code limit}; the next page is asked while
     * {@code meta.current_page < meta.last_page} or, without {@code meta}, while {@code links.next} is set, or
     * while a page was full.
     *
     * @param name the listing's name for logs
     * @param start starts the request of every page (a GET with its filters), without {@code page}/{@code limit}
     * @param limit the page size (MailerSend accepts 10 to 100)
     * @param item reads one item; throws {@link UnexpectedResponseException} when the item lacks what it promises
     * @param idOf an item's id, for the repeat valve
     * @param <T> the item type
     * @return the pager
     */
    public <T> AutoPager<T> pager(String name, Supplier<SdkRequest.Builder> start, int limit,
                                  BiReader<T> item, Function<T, String> idOf) {
        return AutoPager.<T>builder(cursor -> page(start, cursor == null ? 1 : Integer.parseInt(cursor), limit,
                item)).idOf(idOf).maxPages(maxPages).name(name).build();
    }

    /**
     * Fetches one page.
     *
     * @param start the request, without {@code page}/{@code limit}
     * @param page the page number, from 1
     * @param limit the page size
     * @param item reads one item
     * @param <T> the item type
     * @return the page; its cursor the next page number, null on the last
     */
    public <T> Page<T> page(Supplier<SdkRequest.Builder> start, int page, int limit, BiReader<T> item) {
        SdkRequest request = start.get().query("page", Integer.toString(page)).query("limit", Integer.toString(limit))
                .build();
        Answer a = json(request);
        JsonNode data = a.root().path("data");
        if (!data.isArray()) {
            throw a.unexpected("expected an array under \"data\"");
        }
        List<T> items = new ArrayList<>();
        for (JsonNode n : data) {
            items.add(item.read(n, a));
        }
        JsonNode meta = a.root().path("meta");
        boolean more;
        if (meta.has("last_page") && meta.has("current_page")) {
            more = meta.path("current_page").asLong() < meta.path("last_page").asLong();
        } else if (a.root().path("links").has("next")) {
            more = !a.root().path("links").path("next").isNull();
        } else {
            more = items.size() >= limit;
        }
        return new Page<>(items, more && !items.isEmpty() ? Integer.toString(page + 1) : null);
    }

    /**
     * Reads one listed item.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface BiReader<T> {
        /**
         * @param node the item
         * @param answer the answer it came in, to report a shape problem
         * @return the model
         */
        T read(JsonNode node, Answer answer);
    }

    /**
     * One JSON answer: the request, the response and the tree.
     *
     * @param request the request sent
     * @param response the answer
     * @param root its JSON tree
     */
    public record Answer(SdkRequest request, SdkResponse response, JsonNode root) {

        /** @return the {@code data} node */
        public JsonNode data() {
            return root.path("data");
        }

        /** @return the rate-limit and quota headers */
        public RateLimitInfo rateLimit() {
            return rateLimitOf(response);
        }

        /**
         * The exception for an answer missing what the call promised.
         *
         * @param problem what is missing
         * @return the exception, not thrown
         */
        public UnexpectedResponseException unexpected(String problem) {
            return new UnexpectedResponseException(SERVICE, request.describe(), response.status(),
                    response.requestId().orElse(null), problem, response.bodyString(), null);
        }

        /**
         * Reads a required text field.
         *
         * @param node the object
         * @param field the field
         * @return the non-blank text
         * @throws UnexpectedResponseException when absent or blank
         */
        public String required(JsonNode node, String field) {
            String v = Json.text(node, field);
            if (v == null || v.isBlank()) {
                throw unexpected("an item has no \"" + field + "\"");
            }
            return v;
        }
    }

    /**
     * Reads the rate-limit and quota headers of an answer.
     *
     * @param r the answer
     * @return the values
     */
    public static RateLimitInfo rateLimitOf(SdkResponse r) {
        return RateLimitInfo.fromHeaders(name -> r.header(name).orElse(null));
    }
}
