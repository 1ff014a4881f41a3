package com.rabaislocal.sdk.core.client;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings every service client shares, whatever the service: base URL, credential, transport, retry policy,
 * per-attempt timeout, deadline, default headers, sensitive headers and listeners. Immutable and thread-safe.
 *
 * <p>Each module's client builder extends {@link Base} and adds only its own fields (a MailerSend domain, an OpenAI
 * organization); its {@code withOptions(...)} goes through {@code toBuilder()}, so a derived client keeps everything
 * else, the connection pool included. {@code build()} collects every problem into one {@link ValidationException}.
 *
 * <p>{@link #toString()} never prints the credential or a header value.
 */
public final class ClientOptions {

    private final String baseUrl;
    private final CredentialProvider credential;
    private final SdkHttpClient transport;
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final Duration deadline;
    private final Map<String, String> defaultHeaders;
    private final Set<String> sensitiveHeaders;
    private final List<RequestListener> listeners;

    private ClientOptions(Base<?> b) {
        this.baseUrl = stripTrailingSlash(b.baseUrl);
        this.credential = b.credential;
        this.transport = b.transport;
        this.retryPolicy = b.retryPolicy;
        this.timeout = b.timeout;
        this.deadline = b.deadline;
        this.defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.defaultHeaders));
        this.sensitiveHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(b.sensitiveHeaders));
        this.listeners = List.copyOf(b.listeners);
    }

    /** @return a builder with the defaults; the base URL is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.copyFrom(this);
        return b;
    }

    /** @return the base URL, version path included (e.g. {@code https://api.mailersend.com/v1}), no trailing slash */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the credential provider, or null for a service called without one */
    public CredentialProvider credential() {
        return credential;
    }

    /** @return the transport (shared connection pool); default {@link SdkHttpClient#shared()} */
    public SdkHttpClient transport() {
        return transport;
    }

    /** @return the retry policy; default the module's own */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the limit of one attempt, or null when only the deadline applies (default) */
    public Duration timeout() {
        return timeout;
    }

    /** @return the limit of a whole call, every attempt and wait included; default the retry policy's (60 s) */
    public Duration deadline() {
        return deadline != null ? deadline : retryPolicy.deadline();
    }

    /** @return headers sent on every request, in order; a request's own header of the same name wins */
    public Map<String, String> defaultHeaders() {
        return defaultHeaders;
    }

    /** @return extra header names (lower case) whose values are never logged, on top of the SDK's defaults */
    public Set<String> sensitiveHeaders() {
        return sensitiveHeaders;
    }

    /** @return the listeners told of every call, in registration order */
    public List<RequestListener> listeners() {
        return listeners;
    }

    @Override
    public String toString() {
        return "ClientOptions{baseUrl=" + baseUrl + ", credential=" + (credential == null ? "none" : "set")
                + ", timeout=" + timeout + ", deadline=" + deadline() + ", retry=" + retryPolicy
                + ", defaultHeaders=" + defaultHeaders.keySet() + ", listeners=" + listeners.size() + '}';
    }

    private static String stripTrailingSlash(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * The builder of plain {@link ClientOptions}, for code that needs options without a service client.
     */
    public static final class Builder extends Base<Builder> {
        private Builder() {
            super(RetryPolicy.defaults());
        }

        /**
         * Validates and builds the options.
         *
         * @return the options
         * @throws ValidationException naming every invalid setting
         */
        public ClientOptions build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            validate(errors);
            if (!errors.isEmpty()) {
                throw new ValidationException("client options", errors);
            }
            return buildOptions();
        }
    }

    /**
     * The shared part of every service client's builder. A module's builder extends it with its own type as
     * {@code B}, so the shared setters return the module's builder:
     *
     * <pre>{@code
     * public static final class Builder extends ClientOptions.Base<Builder> {
     *     private String domain;
     *     Builder() { super(MailerSendClient.DEFAULT_RETRY_POLICY); baseUrl(DEFAULT_BASE_URL); }
     *     public Builder domain(String d) { this.domain = d; return this; }
     *     public MailerSendClient build() {
     *         Map<String, List<String>> errors = new LinkedHashMap<>();
     *         validate(errors);                        // the shared settings
     *         if (domain != null && domain.isBlank()) { errors.put("domain", List.of("must not be blank")); }
     *         if (!errors.isEmpty()) { throw new ValidationException("mailersend client settings", errors); }
     *         return new MailerSendClient(buildOptions(), domain);
     *     }
     * }
     * }</pre>
     *
     * @param <B> the concrete builder type
     */
    public abstract static class Base<B extends Base<B>> {
        private String baseUrl;
        private CredentialProvider credential;
        private boolean credentialRequired;
        private SdkHttpClient transport = SdkHttpClient.shared();
        private RetryPolicy retryPolicy;
        private Duration timeout;
        private Duration deadline;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private final Set<String> sensitiveHeaders = new LinkedHashSet<>();
        private final List<RequestListener> listeners = new ArrayList<>();

        /**
         * Starts a builder with a module's default retry policy.
         *
         * @param defaultRetryPolicy the policy used unless {@link #retryPolicy(RetryPolicy)} sets another
         */
        protected Base(RetryPolicy defaultRetryPolicy) {
            this.retryPolicy = defaultRetryPolicy;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Copies shared settings from existing options (for a module's {@code toBuilder()}).
         *
         * @param options the options to copy
         * @return this builder
         */
        public B options(ClientOptions options) {
            copyFrom(options);
            return self();
        }

        void copyFrom(ClientOptions o) {
            this.baseUrl = o.baseUrl;
            this.credential = o.credential;
            this.transport = o.transport;
            this.retryPolicy = o.retryPolicy;
            this.timeout = o.timeout;
            this.deadline = o.deadline;
            this.defaultHeaders.clear();
            this.defaultHeaders.putAll(o.defaultHeaders);
            this.sensitiveHeaders.clear();
            this.sensitiveHeaders.addAll(o.sensitiveHeaders);
            this.listeners.clear();
            this.listeners.addAll(o.listeners);
        }

        /**
         * Sets the base URL.
         *
         * @param baseUrl http(s) URL with the service's version path (e.g. {@code https://api.mailersend.com/v1});
         *     a trailing slash is dropped; plain http only for loopback hosts in tests and stand-ins is the
         *     caller's choice; default the module's public endpoint
         * @return this builder
         */
        public B baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return self();
        }

        /**
         * Sets the credential, read on every request so a rotated key is used without a rebuild.
         *
         * @param credential the provider (see {@link CredentialProvider#of(String)}); no default
         * @return this builder
         */
        public B credential(CredentialProvider credential) {
            this.credential = credential;
            return self();
        }

        /**
         * Says that {@link #validate(Map)} must refuse a missing credential (a module calls it in its constructor
         * when its service always needs one).
         *
         * @return this builder
         */
        protected B requireCredential() {
            this.credentialRequired = true;
            return self();
        }

        /**
         * Sets the transport.
         *
         * @param transport the connection pool and socket timeouts; default {@link SdkHttpClient#shared()}
         * @return this builder
         */
        public B transport(SdkHttpClient transport) {
            this.transport = transport;
            return self();
        }

        /**
         * Sets the retry policy.
         *
         * @param retryPolicy attempts, backoff, retryable statuses, sleeper and clock; default the module's own
         *     (see its docs); {@link RetryPolicy#none()} for a single attempt
         * @return this builder
         */
        public B retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return self();
        }

        /**
         * Sets the limit of one attempt (connect, send, wait and read the whole answer).
         *
         * @param timeout positive; null (default) lets only the deadline bound an attempt
         * @return this builder
         */
        public B timeout(Duration timeout) {
            this.timeout = timeout;
            return self();
        }

        /**
         * Sets the limit of a whole call: every attempt, every wait between them and the reading of the answer.
         *
         * @param deadline positive; null (default) takes the retry policy's deadline (60 s unless changed)
         * @return this builder
         */
        public B deadline(Duration deadline) {
            this.deadline = deadline;
            return self();
        }

        /**
         * Adds a header sent on every request.
         *
         * @param name header name
         * @param value header value; never logged when the name is {@link #sensitiveHeader(String) sensitive}
         * @return this builder
         */
        public B defaultHeader(String name, String value) {
            this.defaultHeaders.put(name, value);
            return self();
        }

        /**
         * Registers a header whose value is never logged, on top of the SDK's defaults ({@code Authorization},
         * {@code apikey}, cookies and the services' token headers).
         *
         * @param name header name, any case
         * @return this builder
         */
        public B sensitiveHeader(String name) {
            this.sensitiveHeaders.add(name == null ? null : name.toLowerCase(Locale.ROOT));
            return self();
        }

        /**
         * Adds a listener told of every call (metrics, tracing, logs).
         *
         * @param listener the listener; called on the calling thread, must be fast and must not throw
         * @return this builder
         */
        public B listener(RequestListener listener) {
            this.listeners.add(listener);
            return self();
        }

        /**
         * Removes every listener added so far.
         *
         * @return this builder
         */
        public B clearListeners() {
            this.listeners.clear();
            return self();
        }

        /**
         * Adds a problem for every invalid shared setting.
         *
         * @param errors field name to problems, filled in order
         */
        protected void validate(Map<String, List<String>> errors) {
            if (baseUrl == null || baseUrl.isBlank()) {
                errors.put(baseUrlField(), List.of("is required"));
            } else {
                String problem = urlProblem(baseUrl.strip());
                if (problem != null) {
                    errors.put(baseUrlField(), List.of(problem));
                }
            }
            if (credentialRequired && credential == null) {
                errors.put(credentialField(), List.of("is required (" + credentialDescription() + ")"));
            }
            if (transport == null) {
                errors.put("transport", List.of("must not be null"));
            }
            if (retryPolicy == null) {
                errors.put("retryPolicy", List.of("must not be null (RetryPolicy.none() for a single attempt)"));
            }
            if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
                errors.put("timeout", List.of("must be positive, was " + timeout));
            }
            if (deadline != null && (deadline.isZero() || deadline.isNegative())) {
                errors.put("deadline", List.of("must be positive, was " + deadline));
            }
            for (Map.Entry<String, String> h : defaultHeaders.entrySet()) {
                if (h.getKey() == null || h.getKey().isBlank() || h.getValue() == null) {
                    errors.put("defaultHeaders", List.of("names must be non-blank and values non-null"));
                    break;
                }
            }
            if (sensitiveHeaders.contains(null)) {
                errors.put("sensitiveHeaders", List.of("must not contain null"));
            }
            if (listeners.contains(null)) {
                errors.put("listeners", List.of("must not contain null"));
            }
        }

        /**
         * Builds the options; call only after {@link #validate(Map)} found nothing.
         *
         * @return the options
         */
        /**
         * The name problems with the base URL are reported under: the name of the module's own setter when it has
         * one (Supabase's {@code url(...)}).
         *
         * @return {@code "baseUrl"} unless a module says otherwise
         */
        protected String baseUrlField() {
            return "baseUrl";
        }

        /**
         * The name a missing credential is reported under: the module's own setter ({@code apiKey},
         * {@code serviceRoleKey}).
         *
         * @return {@code "credential"} unless a module says otherwise
         */
        protected String credentialField() {
            return "credential";
        }

        /**
         * What the credential is, for the message when it is missing.
         *
         * @return {@code "the API key or token"} unless a module says otherwise
         */
        protected String credentialDescription() {
            return "the API key or token";
        }

        protected ClientOptions buildOptions() {
            return new ClientOptions(this);
        }

        private static String urlProblem(String url) {
            try {
                URI u = new URI(url);
                // Checked first, and the URL never echoed: user info or a query may hold a secret.
                if (u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                    return "must not carry a query, fragment or user info";
                }
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http")) {
                    return "must be an http(s) URL, had scheme '" + scheme + "'";
                }
                if (u.getHost() == null || u.getHost().isBlank()) {
                    return "has no host";
                }
                return null;
            } catch (java.net.URISyntaxException e) {
                return "is not a URL (" + e.getReason() + ")";
            }
        }
    }
}
