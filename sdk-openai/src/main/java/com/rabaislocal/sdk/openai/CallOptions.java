package com.rabaislocal.sdk.openai;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of one call that differ from the client's: a shorter or longer attempt timeout, deadline or stream
 * silence limit, and extra headers. Immutable; {@link #NONE} keeps every client setting.
 */
public final class CallOptions {

    /** Keeps every client setting. */
    public static final CallOptions NONE = builder().build();

    private final Duration timeout;
    private final Duration deadline;
    private final Duration silenceLimit;
    private final Map<String, String> headers;

    private CallOptions(Builder b) {
        this.timeout = b.timeout;
        this.deadline = b.deadline;
        this.silenceLimit = b.silenceLimit;
        this.headers = Map.copyOf(b.headers);
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the attempt timeout, or null for the client's */
    public Duration timeout() {
        return timeout;
    }

    /** @return the whole call's deadline, or null for the client's */
    public Duration deadline() {
        return deadline;
    }

    /** @return the longest wait for the next streamed byte, or null for the client's */
    public Duration silenceLimit() {
        return silenceLimit;
    }

    /** @return the extra headers; a credential header here is refused by {@link Builder#header} */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "CallOptions{timeout=" + timeout + ", deadline=" + deadline + ", silenceLimit=" + silenceLimit
                + ", headers=" + headers.keySet() + '}';
    }

    /** Builds {@link CallOptions}. */
    public static final class Builder {
        private Duration timeout;
        private Duration deadline;
        private Duration silenceLimit;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the limit of one attempt (connect, send, wait for and read the whole answer).
         *
         * @param timeout positive; null keeps the client's (10 minutes unless changed)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the limit of the whole call, retries and waits included (streams: until the answer's headers).
         *
         * @param deadline positive; null keeps the client's (10 minutes unless changed)
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * Sets the longest wait for the next byte of a stream.
         *
         * @param silenceLimit positive; null keeps the client's (2 minutes unless changed)
         * @return this builder
         */
        public Builder silenceLimit(Duration silenceLimit) {
            this.silenceLimit = silenceLimit;
            return this;
        }

        /**
         * Adds a header to this call only.
         *
         * @param name header name; not {@code Authorization} (the client sends the credential)
         * @param value header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         * @throws ValidationException naming every invalid value
         */
        public CallOptions build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            positive(errors, "timeout", timeout);
            positive(errors, "deadline", deadline);
            positive(errors, "silenceLimit", silenceLimit);
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey() == null || h.getKey().isBlank() || h.getValue() == null) {
                    errors.put("headers", List.of("names must be non-blank and values non-null"));
                } else if (h.getKey().equalsIgnoreCase("authorization")) {
                    errors.put("headers", List.of("Authorization is sent by the client from its credential"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("openai call options", errors);
            }
            return new CallOptions(this);
        }

        private static void positive(Map<String, List<String>> errors, String name, Duration d) {
            if (d != null && (d.isZero() || d.isNegative())) {
                errors.put(name, List.of("must be positive, was " + d));
            }
        }
    }
}
