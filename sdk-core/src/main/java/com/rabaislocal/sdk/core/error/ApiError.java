package com.rabaislocal.sdk.core.error;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a service answered when a call failed: status, the service's own error code and message, request id, and the
 * raw body. Immutable; built by each module's error parser and carried by {@link ApiException}.
 */
public final class ApiError {

    private final String service;
    private final int httpStatus;
    private final String method;
    private final String path;
    private final String code;
    private final String message;
    private final String details;
    private final String hint;
    private final String requestId;
    private final boolean retryable;
    private final String rawBody;
    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> fieldErrors;
    private final Duration retryAfter;
    private final ErrorKind kind;

    private ApiError(Builder b) {
        this.service = b.service;
        this.httpStatus = b.httpStatus;
        this.method = b.method;
        this.path = b.path;
        this.code = b.code;
        this.message = b.message;
        this.details = b.details;
        this.hint = b.hint;
        this.requestId = b.requestId;
        this.retryable = b.retryable;
        this.rawBody = b.rawBody == null ? "" : b.rawBody;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        b.headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(h);
        this.fieldErrors = ValidationException.copy(b.fieldErrors);
        this.retryAfter = b.retryAfter;
        this.kind = b.kind != null ? b.kind : ErrorKind.forStatus(b.httpStatus);
    }

    /**
     * Starts a builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this error's values.
     *
     * @return a builder to derive a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder().service(service).httpStatus(httpStatus).method(method).path(path).code(code)
                .message(message).details(details).hint(hint).requestId(requestId).retryable(retryable)
                .rawBody(rawBody).retryAfter(retryAfter).kind(kind);
        headers.forEach(b::header);
        fieldErrors.forEach((f, ms) -> ms.forEach(m -> b.fieldError(f, m)));
        return b;
    }

    /** @return the service that answered, e.g. {@code "supabase"} */
    public String service() {
        return service;
    }

    /** @return the HTTP status code */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the HTTP method of the failed call */
    public String method() {
        return method;
    }

    /** @return the URL path of the failed call, without query string */
    public String path() {
        return path;
    }

    /** @return the service's own error code (a SQLSTATE, {@code PGRST116}, {@code invalid_credentials}, ...) */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** @return the service's human-readable message, or a summary of the raw body when it was not JSON */
    public String message() {
        return message;
    }

    /** @return further details the service gave, if any */
    public Optional<String> details() {
        return Optional.ofNullable(details);
    }

    /** @return the service's hint on how to fix the call, if any */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /** @return the request id the service assigned, if it sent one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return whether repeating the same call may succeed (the retry layer's verdict for this status) */
    public boolean retryable() {
        return retryable;
    }

    /** @return the response body exactly as received, empty when there was none */
    public String rawBody() {
        return rawBody;
    }

    /** @return the response headers, case-insensitive keys; credential headers are never present in responses */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** @return per-field validation messages the service gave, empty when none */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    /** @return the error's family: by default the status's, unless the service's code named another */
    public ErrorKind kind() {
        return kind;
    }

    /** @return how long the service asked callers to wait, from Retry-After or Retry-After-Ms */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Summarises the error for logs and debuggers: service, status, code, message, method, path, request id and
     * retryability. The raw body and headers are left out; read them through their accessors.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "ApiError{service=" + service + ", httpStatus=" + httpStatus + (code == null ? "" : ", code=" + code)
                + ", message=" + message + ", call=" + method + ' ' + path
                + (requestId == null ? "" : ", requestId=" + requestId) + ", retryable=" + retryable + '}';
    }

    /**
     * Builds an {@link ApiError}; unset strings stay absent.
     */
    public static final class Builder {
        private String service = "unknown";
        private int httpStatus;
        private String method = "";
        private String path = "";
        private String code;
        private String message;
        private String details;
        private String hint;
        private String requestId;
        private boolean retryable;
        private String rawBody;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
        private Duration retryAfter;
        private ErrorKind kind;

        private Builder() {
        }

        /**
         * Sets the service that answered, as named in messages (for example {@code supabase}).
         *
         * @param service the service name
         * @return this builder
         */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /**
         * Sets the HTTP status of the answer (0 when no answer came).
         *
         * @param httpStatus the HTTP status
         * @return this builder
         */
        public Builder httpStatus(int httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        /**
         * Sets the HTTP method of the failed call.
         *
         * @param method the HTTP method
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /**
         * Sets the path of the failed call, without its query.
         *
         * @param path the URL path, without query
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets the service's own error code (for example PostgREST's {@code PGRST116}).
         *
         * @param code the service's error code
         * @return this builder
         */
        public Builder code(String code) {
            this.code = blankToNull(code);
            return this;
        }

        /**
         * Sets the service's own message.
         *
         * @param message the service's message
         * @return this builder
         */
        public Builder message(String message) {
            this.message = blankToNull(message);
            return this;
        }

        /**
         * Sets the service's details text, when it sends one.
         *
         * @param details the service's details
         * @return this builder
         */
        public Builder details(String details) {
            this.details = blankToNull(details);
            return this;
        }

        /**
         * Sets the service's hint text, when it sends one.
         *
         * @param hint the service's hint
         * @return this builder
         */
        public Builder hint(String hint) {
            this.hint = blankToNull(hint);
            return this;
        }

        /**
         * Sets the service's request id, to quote to its support.
         *
         * @param requestId the request id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = blankToNull(requestId);
            return this;
        }

        /**
         * Sets whether repeating the same call may succeed (a 503 may, a 400 will not).
         *
         * @param retryable whether a repeat may succeed
         * @return this builder
         */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /**
         * Sets the error body as received.
         *
         * @param rawBody the body as received
         * @return this builder
         */
        public Builder rawBody(String rawBody) {
            this.rawBody = rawBody;
            return this;
        }

        /**
         * Adds a response header.
         *
         * @param name header name
         * @param values its values
         * @return this builder
         */
        public Builder header(String name, List<String> values) {
            this.headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).addAll(values);
            return this;
        }

        /**
         * Adds one validation message for a field.
         *
         * @param field the field name
         * @param message what is wrong with it
         * @return this builder
         */
        public Builder fieldError(String field, String message) {
            this.fieldErrors.computeIfAbsent(field, k -> new java.util.ArrayList<>()).add(message);
            return this;
        }

        /**
         * Sets the wait the service asked for before a new attempt ({@code Retry-After} or a reset
         * header).
         *
         * @param retryAfter the delay the service asked for
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /**
         * Names the error's family when the service's code says more than its status (null: the status decides).
         *
         * @param kind the family
         * @return this builder
         */
        public Builder kind(ErrorKind kind) {
            this.kind = kind;
            return this;
        }

        /** @return the HTTP status set so far, for parsers that decide by status and code together */
        public int httpStatus() {
            return httpStatus;
        }

        /**
         * Returns the first value of a response header added so far, for parsers whose service puts error facts in
         * headers (a rate-limit reset time).
         *
         * @param name header name, any case
         * @return the value, or empty when the answer had no such header
         */
        public Optional<String> firstHeader(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return Optional.of(h.getValue().get(0));
                }
            }
            return Optional.empty();
        }

        /**
         * Builds the error; the message falls back to the raw body, then to the status alone.
         *
         * @return the immutable error
         */
        public ApiError build() {
            if (message == null) {
                String body = rawBody == null ? "" : rawBody.strip();
                message = body.isEmpty() ? "HTTP " + httpStatus : summarize(body);
            }
            return new ApiError(this);
        }

        private static String summarize(String body) {
            // An HTML gateway page is noise in a message; keep its title or first text, bounded.
            String text = body;
            int title = body.toLowerCase(java.util.Locale.ROOT).indexOf("<title>");
            if (title >= 0) {
                int end = body.toLowerCase(java.util.Locale.ROOT).indexOf("</title>", title);
                if (end > title) {
                    text = body.substring(title + 7, end);
                }
            } else if (body.startsWith("<")) {
                text = body.replaceAll("<[^>]*>", " ");
            }
            text = text.replaceAll("\\s+", " ").strip();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
