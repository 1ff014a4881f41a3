package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.internal.IpLiteral;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the request a service is handling came from: the end user's IP address and the request id. Immutable.
 *
 * <p>A {@link SupabaseCrud} given a context (see {@link SupabaseCrud#withRequestContext(RequestContext)}) puts
 * both on every audit event it emits, and sends them to Supabase as {@code X-Forwarded-For} and
 * {@code X-Request-Id}, which the database's audit trigger records in {@code logs_audit.ip} and
 * {@code logs_audit.request_id}.
 */
public final class RequestContext {

    /** The longest request id accepted, in characters. */
    public static final int MAX_REQUEST_ID_LENGTH = 200;

    private static final RequestContext NONE = new RequestContext(null, null);

    private final String sourceIp;
    private final String requestId;

    private RequestContext(String sourceIp, String requestId) {
        this.sourceIp = sourceIp;
        this.requestId = requestId;
    }

    /** @return the empty context: no IP address, no request id */
    public static RequestContext none() {
        return NONE;
    }

    /**
     * Creates a context.
     *
     * @param sourceIp the end user's IP address (IPv4 or IPv6 literal), or null
     * @param requestId the id of the request being handled, or null
     * @return the context
     * @throws ValidationException listing every invalid value
     */
    public static RequestContext of(String sourceIp, String requestId) {
        return builder().sourceIp(sourceIp).requestId(requestId).build();
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this context's values */
    public Builder toBuilder() {
        return new Builder().sourceIp(sourceIp).requestId(requestId);
    }

    /** @return the end user's IP address, or null when not known */
    public String sourceIp() {
        return sourceIp;
    }

    /** @return the id of the request being handled, or null when not known */
    public String requestId() {
        return requestId;
    }

    /**
     * Compares both values.
     *
     * @param o another object
     * @return whether {@code o} is a context with the same IP address and request id
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RequestContext c && Objects.equals(sourceIp, c.sourceIp)
                && Objects.equals(requestId, c.requestId);
    }

    /** @return a hash of both values */
    @Override
    public int hashCode() {
        return Objects.hash(sourceIp, requestId);
    }

    /** @return the request id only; the IP address is personal data and stays out of logs */
    @Override
    public String toString() {
        return "RequestContext{requestId=" + requestId + ", sourceIp=" + (sourceIp == null ? "none" : "set") + '}';
    }

    /** Collects the values of a {@link RequestContext}; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String sourceIp;
        private String requestId;

        private Builder() {
        }

        /**
         * Sets the end user's IP address.
         *
         * @param sourceIp an IPv4 or IPv6 literal such as {@code 203.0.113.9}, or null (the default)
         * @return this builder
         */
        public Builder sourceIp(String sourceIp) {
            this.sourceIp = sourceIp;
            return this;
        }

        /**
         * Sets the id of the request being handled.
         *
         * @param requestId printable ASCII, at most {@value RequestContext#MAX_REQUEST_ID_LENGTH} characters, or
         *     null (the default)
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Validates the values and creates the context.
         *
         * @return the context
         * @throws ValidationException listing every invalid value
         */
        public RequestContext build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            String ip = sourceIp == null ? null : sourceIp.strip();
            if (ip != null && !IpLiteral.isValid(ip)) {
                errors.computeIfAbsent("sourceIp", k -> new ArrayList<>())
                        .add("is not an IPv4 or IPv6 address (e.g. 203.0.113.9 or 2001:db8::1)");
            }
            if (requestId != null) {
                if (requestId.isBlank()) {
                    errors.computeIfAbsent("requestId", k -> new ArrayList<>())
                            .add("must not be blank; leave it null when unknown");
                } else if (requestId.length() > MAX_REQUEST_ID_LENGTH) {
                    errors.computeIfAbsent("requestId", k -> new ArrayList<>()).add("is " + requestId.length()
                            + " characters, over the limit of " + MAX_REQUEST_ID_LENGTH);
                } else if (!requestId.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    errors.computeIfAbsent("requestId", k -> new ArrayList<>())
                            .add("must be printable ASCII (it travels as an HTTP header)");
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("request context", errors);
            }
            return ip == null && requestId == null ? NONE : new RequestContext(ip, requestId);
        }
    }
}
