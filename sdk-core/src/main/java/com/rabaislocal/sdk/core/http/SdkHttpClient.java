package com.rabaislocal.sdk.core.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The HTTP transport shared by every service client: one OkHttp connection pool and dispatcher. Service clients
 * derive their own {@link OkHttpClient} from it with {@code newBuilder()}, which shares the pool, so an
 * application keeps one of these per process (or uses {@link #shared()}).
 *
 * <p>OkHttp's own silent retry on connection failure is turned off: the SDK's retry layer is the only one, so a
 * write is never re-sent behind its back. Timeouts default to 10 s connect, 30 s read and 30 s write.
 */
public final class SdkHttpClient implements AutoCloseable {

    private static final class SharedHolder {
        static final SdkHttpClient INSTANCE = builder().build();
    }

    private final OkHttpClient okHttp;
    private final boolean ownsOkHttp;
    private final boolean logBodies;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;

    private SdkHttpClient(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.logBodies = b.logBodies;
        this.ownsOkHttp = b.okHttp == null;
        OkHttpClient base = b.okHttp != null ? b.okHttp : new OkHttpClient();
        this.okHttp = base.newBuilder()
                .retryOnConnectionFailure(false)
                .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(b.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * Returns the process-wide transport used by clients that were given none. Never close it.
     *
     * @return the shared transport
     */
    public static SdkHttpClient shared() {
        return SharedHolder.INSTANCE;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this transport's settings, sharing its OkHttp pool */
    public Builder toBuilder() {
        return new Builder().okHttpClient(okHttp).connectTimeout(connectTimeout).readTimeout(readTimeout)
                .writeTimeout(writeTimeout).logBodies(logBodies);
    }

    /** @return the underlying OkHttp client; derive from it with {@code newBuilder()} to share its pool */
    public OkHttpClient okHttp() {
        return okHttp;
    }

    /** @return whether request and response bodies are logged at DEBUG (they may carry personal data) */
    public boolean logBodies() {
        return logBodies;
    }

    /** @return the connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the read timeout (longest silence while reading) */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return the write timeout */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * Releases the pool and dispatcher when this transport created them; an injected OkHttp client is left to its
     * owner. The shared instance ignores this call.
     */
    @Override
    public void close() {
        if (ownsOkHttp && this != SharedHolder.INSTANCE) {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "SdkHttpClient{connect=" + connectTimeout + ", read=" + readTimeout + ", write=" + writeTimeout
                + ", logBodies=" + logBodies + '}';
    }

    /**
     * Builds an {@link SdkHttpClient}.
     */
    public static final class Builder {
        private OkHttpClient okHttp;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private boolean logBodies;

        private Builder() {
        }

        /**
         * Uses an existing OkHttp client (its pool, dispatcher, interceptors, event listener), which the SDK will
         * never shut down.
         *
         * @param okHttp the client to derive from
         * @return this builder
         */
        public Builder okHttpClient(OkHttpClient okHttp) {
            this.okHttp = okHttp;
            return this;
        }

        /**
         * Sets how long opening a TCP (and TLS) connection may take before the attempt fails.
         *
         * @param timeout connect timeout, positive; default 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * Sets the longest silence while reading an answer: the attempt fails when no byte arrives for
         * this long (a slow but steady answer is fine). The call's deadline still bounds the whole call.
         *
         * @param timeout read timeout, positive; default 30 s
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Sets the longest a request body write may stall before the attempt fails.
         *
         * @param timeout write timeout, positive; default 30 s
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        /**
         * Sets whether request and answer bodies are logged, at DEBUG level only. Keep it off in
         * production: bodies may hold personal data.
         *
         * @param logBodies log bodies at DEBUG; default false
         * @return this builder
         */
        public Builder logBodies(boolean logBodies) {
            this.logBodies = logBodies;
            return this;
        }

        /**
         * Validates and builds the transport.
         *
         * @return the transport
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every invalid timeout
         */
        public SdkHttpClient build() {
            java.util.Map<String, java.util.List<String>> errors = new java.util.LinkedHashMap<>();
            check(errors, "connectTimeout", connectTimeout);
            check(errors, "readTimeout", readTimeout);
            check(errors, "writeTimeout", writeTimeout);
            if (!errors.isEmpty()) {
                throw new com.rabaislocal.sdk.core.error.ValidationException("SdkHttpClient", errors);
            }
            return new SdkHttpClient(this);
        }

        private static void check(java.util.Map<String, java.util.List<String>> errors, String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                errors.put(name, java.util.List.of("must be positive, was " + d));
            }
        }
    }
}
