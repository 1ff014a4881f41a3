package com.rabaislocal.sdk.make.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.SdkResponse;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.make.MakeRateLimit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The calls of a Make client: sends a request, records the rate-limit headers of the answer and checks that the
 * answer is the JSON object the call promised. Internal: public only for the SDK's own modules; no compatibility
 * promise. Thread-safe.
 */
public final class MakeHttp {

    /** The service name in logs, metrics and exceptions. */
    public static final String SERVICE = "make";

    private final ServiceClient http;
    private final long teamId;
    private final AtomicReference<MakeRateLimit> lastRateLimit;

    /**
     * Wraps a service client.
     *
     * @param http the client (base URL with {@code /api/v2}, authenticator, error parser)
     * @param teamId the team the client works for
     * @param lastRateLimit where the latest rate-limit values are kept (shared by derived clients)
     */
    public MakeHttp(ServiceClient http, long teamId, AtomicReference<MakeRateLimit> lastRateLimit) {
        this.http = http;
        this.teamId = teamId;
        this.lastRateLimit = lastRateLimit;
    }

    /** @return the team id */
    public long teamId() {
        return teamId;
    }

    /** @return the underlying client */
    public ServiceClient http() {
        return http;
    }

    /** @return the latest rate-limit values seen, if any answer carried them */
    public Optional<MakeRateLimit> lastRateLimit() {
        return Optional.ofNullable(lastRateLimit.get());
    }

    /**
     * Starts a request.
     *
     * @param method the HTTP method
     * @param operation the operation name, e.g. {@code scenarios.list}
     * @param segments the path segments below {@code /api/v2}
     * @return the builder
     */
    public static SdkRequest.Builder request(String method, String operation, Object... segments) {
        SdkRequest.Builder b = SdkRequest.builder(method, "/").operation(operation);
        for (Object s : segments) {
            b.pathSegment(String.valueOf(s));
        }
        return b;
    }

    /**
     * Sends a request and reads its JSON object.
     *
     * @param request the request
     * @return the answer
     */
    public Answer send(SdkRequest request) {
        SdkResponse r = http.execute(request);
        MakeRateLimit.from(name -> r.header(name).orElse(null)).ifPresent(lastRateLimit::set);
        String type = r.header("Content-Type").orElse("");
        String text = new String(r.body(), StandardCharsets.UTF_8);
        if (!type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw new UnexpectedResponseException(SERVICE, request.describe(), r.status(), r.requestId().orElse(null),
                    "expected JSON, got content type '" + type + "'", text, null);
        }
        JsonNode root;
        try {
            root = SdkJson.mapper().readTree(r.body());
        } catch (IOException e) {
            throw ServiceClient.unreadable(SERVICE, request.describe(), r.status(), r.requestId().orElse(null),
                    "a JSON object", e);
        }
        if (root == null || !root.isObject()) {
            throw new UnexpectedResponseException(SERVICE, request.describe(), r.status(), r.requestId().orElse(null),
                    "expected a JSON object", text, null);
        }
        return new Answer(request, r, root);
    }

    /**
     * Lists every item of a Make listing with {@code pg[offset]}/{@code pg[limit]} paging; a short page is the last,
     * and an item seen twice (a listing that shifted between pages) is handed out once.
     *
     * @param pageSize {@code pg[limit]}, positive
     * @param request the first page's request, without {@code pg[...]}
     * @param key the list's key in the answer, e.g. {@code scenarios}
     * @param item reads one item
     * @param idOf the item's id, for the repeat valve
     * @param <T> the item type
     * @return the lazy listing
     */
    public <T> AutoPager<T> pager(int pageSize, SdkRequest request, String key, Function<Item, T> item,
                                  Function<T, Object> idOf) {
        return AutoPager.<T>offset(pageSize, (offset, limit) -> page(request, offset, limit, key, item))
                .idOf(idOf).name(request.operation()).build();
    }

    /**
     * Fetches one page of a Make listing.
     *
     * @param request the request, without {@code pg[...]}
     * @param offset {@code pg[offset]}
     * @param limit {@code pg[limit]}
     * @param key the list's key
     * @param item reads one item
     * @param <T> the item type
     * @return the items
     */
    public <T> List<T> page(SdkRequest request, long offset, int limit, String key, Function<Item, T> item) {
        SdkRequest paged = request.toBuilder().query("pg[offset]", Long.toString(offset))
                .query("pg[limit]", Integer.toString(limit)).build();
        return send(paged).list(key, item);
    }

    /** A 2xx JSON answer, with the checks that turn a shape that does not fit into an exception. */
    public static final class Answer {
        private final SdkRequest request;
        private final SdkResponse response;
        private final JsonNode root;

        Answer(SdkRequest request, SdkResponse response, JsonNode root) {
            this.request = request;
            this.response = response;
            this.root = root;
        }

        /** @return the whole JSON object */
        public JsonNode root() {
            return root;
        }

        /**
         * Returns a required object member.
         *
         * @param key the member, e.g. {@code scenario}
         * @return it, as an item
         * @throws UnexpectedResponseException when it is missing or not an object
         */
        public Item object(String key) {
            JsonNode n = root.get(key);
            if (n == null || !n.isObject()) {
                throw unexpected("expected an object '" + key + "'");
            }
            return new Item(this, n);
        }

        /**
         * Reads a required array member.
         *
         * @param key the member, e.g. {@code scenarios}
         * @param item reads one element
         * @param <T> the element type
         * @return the elements
         * @throws UnexpectedResponseException when it is missing, not an array, or holds a non-object
         */
        public <T> List<T> list(String key, Function<Item, T> item) {
            JsonNode n = root.get(key);
            if (n == null || !n.isArray()) {
                throw unexpected("expected an array '" + key + "'");
            }
            List<T> out = new ArrayList<>(n.size());
            for (JsonNode e : n) {
                if (!e.isObject()) {
                    throw unexpected("expected objects in '" + key + "', found " + e.getNodeType());
                }
                out.add(item.apply(new Item(this, e)));
            }
            return out;
        }

        /** @return the whole answer as an item */
        public Item asItem() {
            return new Item(this, root);
        }

        /**
         * Builds the exception for an answer that does not fit.
         *
         * @param problem what did not fit
         * @return the exception, not thrown
         */
        public UnexpectedResponseException unexpected(String problem) {
            return new UnexpectedResponseException(SERVICE, request.describe(), response.status(),
                    response.requestId().orElse(null), problem, response.bodyString(), null);
        }
    }

    /** One JSON object of an answer, with lenient readers and strict ones for what the call promised. */
    public static final class Item {
        private final Answer answer;
        private final JsonNode node;

        Item(Answer answer, JsonNode node) {
            this.answer = answer;
            this.node = node;
        }

        /** @return the object itself */
        public JsonNode node() {
            return node;
        }

        /**
         * Reads a required whole number (a JSON number or a numeric string).
         *
         * @param field the member
         * @return the number
         * @throws UnexpectedResponseException when missing or not a whole number
         */
        public long requiredLong(String field) {
            return optLong(field).orElseThrow(() -> answer.unexpected("missing or non-numeric '" + field + "'"));
        }

        /**
         * Reads a required non-blank text.
         *
         * @param field the member
         * @return the text
         * @throws UnexpectedResponseException when missing or blank
         */
        public String requiredText(String field) {
            return optText(field).orElseThrow(() -> answer.unexpected("missing '" + field + "'"));
        }

        /**
         * Reads a whole number leniently: Make sends some counters as strings ({@code "18"}).
         *
         * @param field the member
         * @return the number, or empty when absent, null or not a whole number
         */
        public Optional<Long> optLong(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (v.isIntegralNumber()) {
                return Optional.of(v.asLong());
            }
            if (v.isTextual()) {
                try {
                    return Optional.of(Long.parseLong(v.asText().strip()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        /**
         * Reads a text; numbers are given as their text.
         *
         * @param field the member
         * @return the text, or empty when absent, null or blank
         */
        public Optional<String> optText(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(v.asText());
        }

        /**
         * Reads a flag; {@code true}/{@code false}, {@code 1}/{@code 0} and their texts are accepted.
         *
         * @param field the member
         * @return the flag, false when absent
         */
        public boolean flag(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return false;
            }
            if (v.isBoolean()) {
                return v.booleanValue();
            }
            if (v.isNumber()) {
                return v.asLong() != 0;
            }
            return "true".equalsIgnoreCase(v.asText()) || "1".equals(v.asText());
        }

        /**
         * Reads an ISO-8601 instant.
         *
         * @param field the member
         * @return the instant, or empty when absent or unreadable
         */
        public Optional<java.time.Instant> optInstant(String field) {
            return optText(field).flatMap(t -> {
                try {
                    return Optional.of(java.time.OffsetDateTime.parse(t).toInstant());
                } catch (java.time.format.DateTimeParseException e) {
                    try {
                        return Optional.of(java.time.Instant.parse(t));
                    } catch (java.time.format.DateTimeParseException e2) {
                        return Optional.empty();
                    }
                }
            });
        }

        /**
         * Returns a member as an item.
         *
         * @param field the member
         * @return it, when it is an object
         */
        public Optional<Item> optObject(String field) {
            JsonNode v = node.get(field);
            return v != null && v.isObject() ? Optional.of(new Item(answer, v)) : Optional.empty();
        }

        /**
         * Returns a member as it is.
         *
         * @param field the member
         * @return the node, or a missing node
         */
        public JsonNode path(String field) {
            return node.path(field);
        }

        /**
         * Builds the exception for an item that does not fit.
         *
         * @param problem what did not fit
         * @return the exception, not thrown
         */
        public UnexpectedResponseException unexpected(String problem) {
            return answer.unexpected(problem);
        }
    }
}
