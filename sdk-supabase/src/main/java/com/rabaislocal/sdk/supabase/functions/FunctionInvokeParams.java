package com.rabaislocal.sdk.supabase.functions;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How to invoke an Edge Function: method, body, headers, query parameters, region, timeout. Immutable; build with
 * {@link #builder()}.
 *
 * <p>The body's type decides its {@code Content-Type}: {@code byte[]} is sent as
 * {@code application/octet-stream}, a {@code String} as {@code text/plain; charset=utf-8}, anything else as JSON;
 * a {@code Content-Type} header given here wins for bytes and text.
 */
public final class FunctionInvokeParams {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final String method;
    private final Object body;
    private final Map<String, String> headers;
    private final List<Map.Entry<String, String>> query;
    private final String region;
    private final Duration timeout;
    private final Boolean repeatable;

    private FunctionInvokeParams(Builder b) {
        this.method = b.method;
        this.body = b.body;
        this.headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.query = List.copyOf(b.query);
        this.region = b.region;
        this.timeout = b.timeout;
        this.repeatable = b.repeatable;
    }

    /** @return a builder: POST, no body */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder().method(method).body(body).region(region).timeout(timeout);
        b.headers.putAll(headers);
        b.query.addAll(query);
        b.repeatable = repeatable;
        return b;
    }

    /** @return the HTTP method; default POST */
    public String method() {
        return method;
    }

    /** @return the body, or null for none */
    public Object body() {
        return body;
    }

    /** @return extra request headers */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return extra query parameters, in order */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** @return the region to run in ({@code x-region} and {@code forceFunctionRegion}), or null for any */
    public String region() {
        return region;
    }

    /** @return the per-attempt time limit, or null for the client's */
    public Duration timeout() {
        return timeout;
    }

    /** @return whether the call was declared safe to repeat; null for the method's default (GET only) */
    public Boolean repeatable() {
        return repeatable;
    }

    /**
     * Builds {@link FunctionInvokeParams}.
     */
    public static final class Builder {
        private String method = "POST";
        private Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private String region;
        private Duration timeout;
        private Boolean repeatable;

        private Builder() {
        }

        /**
         * @param method GET, POST, PUT, PATCH or DELETE; default POST
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * @param body the body (bytes, text or any JSON-writable value), or null
         * @return this builder
         */
        public Builder body(Object body) {
            this.body = body;
            return this;
        }

        /**
         * Adds a request header.
         *
         * @param name header name
         * @param value header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Adds a query parameter.
         *
         * @param name parameter name
         * @param value decoded value
         * @return this builder
         */
        public Builder query(String name, String value) {
            query.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            return this;
        }

        /**
         * @param region e.g. {@code ca-central-1}, or null for any
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * @param timeout per-attempt limit, positive, or null
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Declares the function safe (or unsafe) to call twice, so a POST may be retried on 503/520.
         *
         * @param repeatable the declaration
         * @return this builder
         */
        public Builder repeatable(boolean repeatable) {
            this.repeatable = repeatable;
            return this;
        }

        /**
         * Validates and builds the options.
         *
         * @return the options
         * @throws ValidationException naming every invalid setting
         */
        public FunctionInvokeParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (method == null || !METHODS.contains(method)) {
                errors.put("method", List.of("must be one of GET, POST, PUT, PATCH, DELETE, was " + method));
            } else if (method.equals("GET") && body != null) {
                errors.put("body", List.of("a GET invocation carries no body"));
            }
            if (region != null && region.isBlank()) {
                errors.put("region", List.of("must not be blank"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("function invocation options", errors);
            }
            return new FunctionInvokeParams(this);
        }
    }
}
