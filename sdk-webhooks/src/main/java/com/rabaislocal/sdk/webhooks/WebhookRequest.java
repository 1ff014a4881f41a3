package com.rabaislocal.sdk.webhooks;

import com.rabaislocal.sdk.webhooks.internal.Problems;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A request as the framework-neutral receiver sees it: method, path, raw query, headers, the connection's peer address,
 * and the body as a stream that the receiver reads only up to its size limit. The adapters (servlet, JDK
 * {@code HttpServer}) build one; an application on another framework builds one itself.
 *
 * <p>Immutable apart from the body stream, which is read once. {@link #toString()} shows the method and path only:
 * the query may carry a token.
 */
public final class WebhookRequest {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final String peerAddress;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private final long contentLength;

    private WebhookRequest(Builder b) {
        this.method = b.method.toUpperCase(Locale.ROOT);
        this.path = b.path;
        this.rawQuery = b.rawQuery;
        this.peerAddress = b.peerAddress;
        Map<String, List<String>> h = new LinkedHashMap<>();
        b.headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(h);
        this.body = b.body;
        this.contentLength = b.contentLength;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the method, upper case */
    public String method() {
        return method;
    }

    /** @return the path, e.g. {@code /webhooks/mailersend} */
    public String path() {
        return path;
    }

    /** @return the raw (still encoded) query without {@code ?}, or null */
    public String rawQuery() {
        return rawQuery;
    }

    /** @return the address of the connection's peer (the client, or the last proxy), as an IP literal */
    public String peerAddress() {
        return peerAddress;
    }

    /** @return every header, names in lower case, values in arrival order */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Every value of a header.
     *
     * @param name the header name, any case
     * @return its values in arrival order; empty when absent
     */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return its first value, or null when absent
     */
    public String header(String name) {
        List<String> v = headerValues(name);
        return v.isEmpty() ? null : v.get(0);
    }

    /**
     * Every value of a query parameter, decoded as UTF-8 (a malformed escape leaves the parameter out).
     *
     * @param name the parameter name, exact case
     * @return its values in order; empty when absent
     */
    public List<String> queryValues(String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(1);
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                if (URLDecoder.decode(k, StandardCharsets.UTF_8).equals(name)) {
                    out.add(URLDecoder.decode(v, StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException malformed) {
                // A broken escape cannot be a valid parameter; it is left out rather than guessed at.
            }
        }
        return out;
    }

    /** @return the {@code Content-Type} header, or null */
    public String contentType() {
        return header("Content-Type");
    }

    /** @return the body stream, read once by the receiver */
    public InputStream body() {
        return body;
    }

    /** @return the declared {@code Content-Length}, or -1 when unknown (chunked) */
    public long contentLength() {
        return contentLength;
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + path + "]";
    }

    /** Builds a {@link WebhookRequest}; method, path and peer address are required. */
    public static final class Builder {

        private String method;
        private String path;
        private String rawQuery;
        private String peerAddress;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private InputStream body = InputStream.nullInputStream();
        private long contentLength = 0;

        private Builder() {
        }

        /**
         * Sets the request's HTTP method, upper-cased on build. Required, no default.
         *
         * @param method the HTTP method, for example {@code POST}
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /**
         * Sets the request path the routes and rate limits are matched on. Required, no default.
         *
         * @param path the request path, without the query; starts with {@code /}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets the query string as received (still percent-encoded); URL-token authentication reads it.
         *
         * @param rawQuery the raw query without {@code ?}; may be null, the default (no query)
         * @return this builder
         */
        public Builder rawQuery(String rawQuery) {
            this.rawQuery = rawQuery;
            return this;
        }

        /**
         * Sets the address of the connection's peer (before any proxy header is trusted); rate limits and blocks
         * are keyed on the client IP derived from it. Required, no default.
         *
         * @param peerAddress the IP literal of the connection's peer, for example {@code 203.0.113.7}
         * @return this builder
         */
        public Builder peerAddress(String peerAddress) {
            this.peerAddress = peerAddress;
            return this;
        }

        /**
         * Adds one header value (a repeated header keeps every value).
         *
         * @param name the name, any case
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(Objects.requireNonNull(value, "header value"));
            return this;
        }

        /**
         * The body held in memory; sets the content length.
         *
         * @param bytes the raw body
         * @return this builder
         */
        public Builder body(byte[] bytes) {
            this.body = new ByteArrayInputStream(bytes);
            this.contentLength = bytes.length;
            return this;
        }

        /**
         * The body as a stream.
         *
         * @param stream the raw body
         * @param contentLength the declared length, or -1 when unknown
         * @return this builder
         */
        public Builder body(InputStream stream, long contentLength) {
            this.body = Objects.requireNonNull(stream, "stream");
            this.contentLength = contentLength;
            return this;
        }

        /**
         * Builds the request, checking every required field at once.
         *
         * @return the request
         * @throws com.rabaislocal.sdk.core.error.ValidationException when method, path or peer address is missing
         */
        public WebhookRequest build() {
            new Problems()
                    .require(method != null && !method.isBlank(), "method", "is required")
                    .require(path != null && path.startsWith("/"), "path", "must start with /")
                    .require(peerAddress != null && !peerAddress.isBlank(), "peerAddress", "is required")
                    .throwIfAny("webhook request");
            return new WebhookRequest(this);
        }
    }
}
