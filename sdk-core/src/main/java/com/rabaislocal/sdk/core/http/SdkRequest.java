package com.rabaislocal.sdk.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.MediaType;

/**
 * One call to a service, relative to the client's base URL. Immutable; built once and replayed unchanged on every
 * attempt, so a retry sends exactly the same bytes.
 *
 * <p>Whether a retry may re-send it is decided by {@link #repeatable()}: GET, HEAD, OPTIONS, PUT and DELETE are
 * repeatable by HTTP semantics, POST and PATCH are not unless the call declares an idempotency key that the client
 * sends to its service, or says it is safe ({@link Builder#repeatable(boolean)}, e.g. an upsert on a natural key).
 */
public final class SdkRequest {

    /** The JSON media type, UTF-8. */
    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final String method;
    private static final Headers NO_HEADERS = Headers.of();

    /** The segments, computed from {@link #path} on first use when the path was given as {@code /a/b}. */
    private List<String> pathSegments;
    private final List<Map.Entry<String, String>> query;
    private final Headers headers;
    private final byte[] body;
    private final MediaType contentType;
    private final Duration timeout;
    private final Duration deadline;
    private final Boolean repeatable;
    private final boolean noRetry;
    private final String idempotencyKey;
    private final String operation;
    /** {@code /a/b}, kept from the builder when it was given in that form, else joined on first use. */
    private String path;

    private SdkRequest(Builder b) {
        this.method = b.method;
        // A path given as /a/b is kept as text and split only if someone asks for its segments: most requests are
        // only ever sent, and splitting costs a list and a string per segment on every call.
        this.pathSegments = b.pathText != null ? null : List.copyOf(b.segments());
        this.path = b.pathText;
        this.query = b.query == null || b.query.isEmpty() ? Collections.emptyList()
                : Collections.unmodifiableList(new ArrayList<>(b.query));
        this.headers = b.headers == null ? NO_HEADERS : b.headers.build();
        this.body = b.body;
        this.contentType = b.contentType;
        this.timeout = b.timeout;
        this.deadline = b.deadline;
        this.repeatable = b.repeatable;
        this.noRetry = b.noRetry;
        this.idempotencyKey = b.idempotencyKey;
        this.operation = b.operation;
    }

    /**
     * Starts a request.
     *
     * @param method the HTTP method, e.g. {@code "GET"}
     * @param path the path below the client's base URL, e.g. {@code "/rest/v1/offers"}; each segment is
     *     percent-encoded as needed
     * @return a builder
     */
    public static Builder builder(String method, String path) {
        return new Builder().method(method).path(path);
    }

    /** @return a builder holding this request's values */
    public Builder toBuilder() {
        Builder b = new Builder().method(method);
        if (path != null && pathSegments == null) {
            b.pathText = path;
        } else {
            // Literal segments (a "/" inside one is data): keep them as segments, not as text to split again.
            b.segments().addAll(pathSegments());
        }
        if (!query.isEmpty()) {
            b.queryList().addAll(query);
        }
        if (headers.size() > 0) {
            b.headerBuilder().addAll(headers);
        }
        b.body = body;
        b.contentType = contentType;
        b.timeout = timeout;
        b.deadline = deadline;
        b.repeatable = repeatable;
        b.noRetry = noRetry;
        b.idempotencyKey = idempotencyKey;
        b.operation = operation;
        return b;
    }

    /** @return the HTTP method, upper case */
    public String method() {
        return method;
    }

    /** @return the decoded path segments below the base URL */
    public List<String> pathSegments() {
        List<String> s = pathSegments;
        if (s == null) {
            // Immutable result: a race only computes the same list twice.
            s = List.copyOf(Builder.split(path));
            pathSegments = s;
        }
        return s;
    }

    /**
     * Appends this request's path to a URL being built, each segment percent-encoded as needed.
     *
     * @param url the base URL's builder
     */
    void appendPath(okhttp3.HttpUrl.Builder url) {
        String p = path;
        if (pathSegments == null && p.indexOf('\\') < 0) {
            // One pass over the text; OkHttp splits on '/' exactly as path(String) did (and on '\\', excluded).
            url.addPathSegments(p.substring(1));
            return;
        }
        for (String segment : pathSegments()) {
            url.addPathSegment(segment);
        }
    }

    /** @return the path as {@code /a/b}, decoded, for messages */
    public String path() {
        String p = path;
        if (p == null) {
            // Strings are immutable, so a race only computes the same value twice.
            p = "/" + String.join("/", pathSegments);
            path = p;
        }
        return p;
    }

    /** @return the query parameters in order, decoded; a name may repeat; a null value means a bare name */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /**
     * Returns every value of one query parameter.
     *
     * @param name the parameter name
     * @return its values, in order
     */
    public List<String> queryValues(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals(name)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** @return the request's own headers (credentials are added later, per attempt) */
    public Headers headers() {
        return headers;
    }

    /** @return the body bytes, if any */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body == null ? null : body.clone());
    }

    /** @return the body's media type, if there is a body */
    public Optional<MediaType> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return the time limit of each attempt, overriding the client's; empty for the client's */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the total time limit across attempts, overriding the retry policy's; empty for the policy's */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** @return the idempotency key declared for this call, if any */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * Tells whether this request is sent at most once, whatever fails: no retry on a status, an I/O failure or even a
     * refused connection.
     *
     * @return true when {@link Builder#noRetry()} was asked for
     */
    public boolean noRetry() {
        return noRetry;
    }

    /**
     * Tells whether this request may be sent more than once, assuming its idempotency key (if any) reaches the
     * service: an explicit declaration wins, then an idempotency key, then the method's HTTP semantics.
     *
     * @return true when a retry may re-send it
     */
    public boolean repeatable() {
        return repeatable(true);
    }

    /**
     * Tells whether this request may be sent more than once by a client that does or does not send idempotency
     * keys. A key the service never sees deduplicates nothing, so it makes the request repeatable only when sent.
     *
     * @param keySent whether the client puts the idempotency key on the wire
     * @return true when a retry may re-send it
     */
    public boolean repeatable(boolean keySent) {
        if (repeatable != null) {
            return repeatable;
        }
        return (keySent && idempotencyKey != null) || IDEMPOTENT.contains(method);
    }

    /**
     * The operation name listeners and metrics see: low cardinality, no ids.
     *
     * @return the name the module gave (e.g. {@code emails.send}), else the method and the first path segment
     *     (e.g. {@code GET rest})
     */
    public String operation() {
        if (operation != null) {
            return operation;
        }
        List<String> segments = pathSegments();
        return segments.isEmpty() ? method : method + " " + segments.get(0);
    }

    /** @return {@code METHOD /path}, for logs and messages */
    public String describe() {
        return method + " " + path();
    }

    byte[] bodyBytes() {
        return body;
    }

    @Override
    public String toString() {
        return "SdkRequest{" + describe() + ", query=" + query.size() + " params, body="
                + (body == null ? "none" : body.length + " bytes") + '}';
    }

    /**
     * Builds an {@link SdkRequest}; {@link #build()} validates it.
     */
    public static final class Builder {
        private String method;
        private List<String> pathSegments;
        /** The text given to {@link #path(String)} when it is already {@code /a/b}; null once segments change. */
        private String pathText;
        private List<Map.Entry<String, String>> query;
        private Headers.Builder headers;
        private byte[] body;
        private MediaType contentType;
        private Duration timeout;
        private Duration deadline;
        private boolean noRetry;
        private Boolean repeatable;
        private String idempotencyKey;
        private String operation;

        private Builder() {
        }

        /**
         * Sets the HTTP method, upper-cased; it decides with the idempotency key whether a failed attempt
         * may be retried. Required.
         *
         * @param method the HTTP method
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * Replaces the path.
         *
         * @param path segments separated by {@code /}; empty segments are ignored
         * @return this builder
         */
        public Builder path(String path) {
            pathSegments = null;
            pathText = null;
            if (path == null) {
                return this;
            }
            if (isNormalised(path)) {
                pathText = path;
            } else {
                pathSegments = split(path);
            }
            return this;
        }

        /** {@code /a/b}: a leading slash, no empty segment, no trailing slash. */
        private static boolean isNormalised(String path) {
            if (path.length() < 2 || path.charAt(0) != '/' || path.charAt(path.length() - 1) == '/') {
                return false;
            }
            return path.indexOf("//") < 0;
        }

        /** The non-empty segments of a {@code /}-separated path. */
        static List<String> split(String path) {
            List<String> out = new ArrayList<>(4);
            int start = 0;
            while (start <= path.length()) {
                int slash = path.indexOf('/', start);
                int end = slash < 0 ? path.length() : slash;
                if (end > start) {
                    out.add(path.substring(start, end));
                }
                start = end + 1;
            }
            return out;
        }

        /** The segments as a list to edit, made from the text form when there is one. */
        List<String> segments() {
            if (pathSegments == null) {
                pathSegments = pathText != null ? split(pathText) : new ArrayList<>(4);
            }
            return pathSegments;
        }

        List<Map.Entry<String, String>> queryList() {
            if (query == null) {
                query = new ArrayList<>(4);
            }
            return query;
        }

        Headers.Builder headerBuilder() {
            if (headers == null) {
                headers = new Headers.Builder();
            }
            return headers;
        }

        /**
         * Appends one path segment, taken literally: a {@code /} inside it is encoded, not a separator.
         *
         * @param segment the segment
         * @return this builder
         */
        public Builder pathSegment(String segment) {
            segments().add(segment);
            pathText = null;
            return this;
        }

        /**
         * Adds a query parameter; the name may repeat. Values are percent-encoded on the wire as needed.
         *
         * @param name the parameter name
         * @param value the decoded value, or null for a bare name
         * @return this builder
         */
        public Builder query(String name, String value) {
            queryList().add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            return this;
        }

        /**
         * Sets a header, replacing any value it had.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headerBuilder().set(name, value);
            return this;
        }

        /**
         * Removes a header.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder removeHeader(String name) {
            if (headers != null) {
                headers.removeAll(name);
            }
            return this;
        }

        /**
         * Sets a JSON body, serialised now with the SDK's mapper so every attempt sends the same bytes.
         *
         * @param value any object Jackson can write
         * @return this builder
         * @throws ValidationException when the value cannot be written as JSON
         */
        public Builder jsonBody(Object value) {
            try {
                this.body = SdkJson.mapper().writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new ValidationException("body", "cannot be written as JSON: " + e.getOriginalMessage());
            }
            this.contentType = JSON;
            return this;
        }

        /**
         * Sets a raw body.
         *
         * @param bytes the body
         * @param contentType its media type, e.g. {@code text/plain; charset=utf-8}
         * @return this builder
         * @throws ValidationException when the content type is not a media type
         */
        public Builder body(byte[] bytes, String contentType) {
            MediaType type = contentType == null ? null : MediaType.parse(contentType);
            if (type == null) {
                throw new ValidationException("contentType", "is not a media type such as text/plain, was "
                        + (contentType == null ? "null" : '"' + contentType + '"'));
            }
            this.body = bytes.clone();
            this.contentType = type;
            return this;
        }

        /**
         * Sets a text body, UTF-8.
         *
         * @param text the body
         * @param contentType its media type
         * @return this builder
         * @throws ValidationException when the content type is not a media type
         */
        public Builder body(String text, String contentType) {
            return body(text.getBytes(StandardCharsets.UTF_8), contentType);
        }

        /**
         * Sets the limit of each attempt of this request, overriding the client's.
         *
         * @param timeout limit of each attempt, positive; null for the client's
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the limit of this request across every attempt and wait, overriding the retry policy's
         * deadline.
         *
         * @param deadline limit across attempts, positive; null for the policy's
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * Declares whether the call is safe to send twice, overriding the method's semantics: true for a write made
         * harmless by a natural key (an upsert, an insert of a client-chosen id that ignores duplicates), false
         * for a PUT or DELETE whose repetition would matter.
         *
         * @param repeatable the declaration
         * @return this builder
         */
        public Builder repeatable(boolean repeatable) {
            this.repeatable = repeatable;
            return this;
        }

        /**
         * Sends the request once at most: no retry of any kind, not even when the connection could not be opened
         * (which {@code repeatable(false)} still retries, since nothing was sent). For callers that retry themselves
         * (a queue, a test of the failure itself).
         *
         * @return this builder
         */
        public Builder noRetry() {
            this.noRetry = true;
            return this;
        }

        /**
         * Declares an idempotency key: the call becomes repeatable, and clients whose service honours a key header
         * send it, unchanged, on every attempt.
         *
         * @param key non-blank, at most 255 characters
         * @return this builder
         */
        public Builder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        /**
         * Names the operation for listeners and metrics.
         *
         * @param operation a low-cardinality name such as {@code emails.send} or {@code chat.completions.create};
         *     never an id or a value; default the method and first path segment
         * @return this builder
         */
        public Builder operation(String operation) {
            this.operation = operation;
            return this;
        }

        /**
         * Validates and builds the request.
         *
         * @return the immutable request
         * @throws ValidationException naming every invalid setting
         */
        public SdkRequest build() {
            // Built on every call: the map is only made when there is something to report.
            Map<String, List<String>> errors = null;
            if (method == null || !METHODS.contains(method)) {
                errors = problem(errors, "method", "must be one of " + new java.util.TreeSet<>(METHODS) + ", was "
                        + method);
            }
            if (body != null && ("GET".equals(method) || "HEAD".equals(method))) {
                errors = problem(errors, "body", method + " requests carry no body");
            }
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                errors = problem(errors, "timeout", "must be positive, was " + timeout);
            }
            if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
                errors = problem(errors, "deadline", "must be positive, was " + deadline);
            }
            if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
                errors = problem(errors, "idempotencyKey", "must be non-blank and at most 255 characters");
            }
            if (errors != null) {
                throw new ValidationException("request", errors);
            }
            return new SdkRequest(this);
        }

        private static Map<String, List<String>> problem(Map<String, List<String>> errors, String field,
                                                         String message) {
            Map<String, List<String>> m = errors != null ? errors : new java.util.LinkedHashMap<>();
            m.put(field, List.of(message));
            return m;
        }
    }
}
