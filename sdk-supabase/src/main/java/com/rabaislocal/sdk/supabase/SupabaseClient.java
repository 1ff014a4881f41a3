package com.rabaislocal.sdk.supabase;

import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.config.SupabaseSettings;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.RequestAuthenticator;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.http.UserAgent;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.supabase.error.SupabaseErrorParser;
import com.rabaislocal.sdk.supabase.functions.FunctionsClient;
import com.rabaislocal.sdk.supabase.postgrest.PostgrestClient;
import com.rabaislocal.sdk.supabase.postgrest.RpcQuery;
import com.rabaislocal.sdk.supabase.postgrest.TableQuery;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The client of one Supabase project: the Data API ({@link #from(String)}, {@link #rpc(String, Object)},
 * {@link #schema(String)}) and Edge Functions ({@link #functions()}). Immutable and thread-safe; keep one per
 * project and key, and derive per-user clients with {@link #withAccessToken(String)}.
 *
 * <p>Two kinds, named apart:
 * <ul>
 *   <li>{@link #builder()}: the publishable (anon) key. Requests run as {@code anon}, or as the end user once
 *       {@link #withAccessToken(String)} gave a user JWT; Row Level Security applies.</li>
 *   <li>{@link #serviceRoleBuilder()}: the secret (service_role) key, which bypasses Row Level Security. Server
 *       side only.</li>
 * </ul>
 * Each kind refuses the other kind's key when built.
 *
 * <p>Every request carries {@code apikey: <project key>} and {@code X-Client-Info: rabaislocal-sdk-java/<version>};
 * {@code Authorization: Bearer} carries the user JWT when there is one, else the key itself when it is a legacy
 * JWT key (new {@code sb_publishable_}/{@code sb_secret_} keys are not JWTs and are never sent as Bearer). The key
 * is read from its {@link CredentialProvider} on every request, so rotated keys apply without a rebuild.
 *
 * <pre>{@code
 * SupabaseClient supabase = SupabaseClient.create("https://<ref>.supabase.co", CredentialProvider.of(anonKey));
 * List<Offer> offers = supabase.withAccessToken(userJwt)
 *     .from("offers").select("id,title").eq("city", "Montréal").order("id").list(Offer.class);
 * }</pre>
 */
public final class SupabaseClient implements AutoCloseable {

    /** The service name used in logs and exceptions. */
    public static final String SERVICE = "supabase";

    private static final RetryPolicy DEFAULT_RETRY = RetryPolicy.builder().maxRetries(3)
            .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
            .retryableStatuses(Set.of(503, 520)).retryOnIoFailure(true).build();

    private final ClientOptions options;
    private final boolean serviceRole;
    private final String schema;
    private final int maxUrlLength;
    private final ServiceClient http;
    private final Secret accessToken;
    private final PostgrestClient postgrest;
    private final FunctionsClient functions;

    private SupabaseClient(ClientOptions options, boolean serviceRole, String schema, int maxUrlLength,
                           ServiceClient http, Secret accessToken) {
        this.options = options;
        this.serviceRole = serviceRole;
        this.schema = schema;
        this.maxUrlLength = maxUrlLength;
        this.http = http;
        this.accessToken = accessToken;
        PostgrestClient p = PostgrestClient.create(http).withMaxUrlLength(maxUrlLength);
        this.postgrest = schema == null ? p : p.schema(schema);
        this.functions = FunctionsClient.create(http);
    }

    /** @return a builder for a client holding the publishable (anon) key */
    public static Builder builder() {
        return new Builder(false);
    }

    /** @return a builder for a client holding the secret (service_role) key, which bypasses Row Level Security */
    public static Builder serviceRoleBuilder() {
        return new Builder(true);
    }

    /**
     * Creates a client with the publishable (anon) key and default settings.
     *
     * @param url the project URL, e.g. {@code https://<ref>.supabase.co}
     * @param apiKey the publishable key ({@code sb_publishable_...}) or legacy anon JWT
     * @return the client
     */
    public static SupabaseClient create(String url, CredentialProvider apiKey) {
        return builder().url(url).apiKey(apiKey).build();
    }

    /**
     * Creates a client with the secret (service_role) key and default settings. Server side only.
     *
     * @param url the project URL
     * @param secretKey the secret key ({@code sb_secret_...}) or legacy service_role JWT
     * @return the service-role client
     */
    public static SupabaseClient createServiceRole(String url, CredentialProvider secretKey) {
        return serviceRoleBuilder().url(url).apiKey(secretKey).build();
    }

    /**
     * Creates the publishable-key client from validated configuration ({@code SdkConfig.supabase()}). The key is
     * read through the configuration's provider on every request, so a key rotated in its source is used without
     * rebuilding the client.
     *
     * @param settings the Supabase settings
     * @return the client
     */
    public static SupabaseClient fromSettings(SupabaseSettings settings) {
        return create(settings.url().toString(), settings.anonKey());
    }

    /**
     * Creates the publishable-key client from validated configuration with some settings changed, e.g. a retry
     * policy with a test's sleeper: {@code fromSettings(settings, b -> b.retryPolicy(policy))}.
     *
     * @param settings the Supabase settings
     * @param change changes to the builder before it is built
     * @return the client
     */
    public static SupabaseClient fromSettings(SupabaseSettings settings, Consumer<Builder> change) {
        Builder b = builder().url(settings.url().toString()).apiKey(settings.anonKey());
        change.accept(b);
        return b.build();
    }

    /**
     * Creates the service-role client from validated configuration with some settings changed.
     *
     * @param settings the Supabase settings
     * @param change changes to the builder before it is built
     * @return the service-role client
     * @throws com.rabaislocal.sdk.core.error.ConfigException when SUPABASE_SERVICE_ROLE_KEY is not set
     */
    public static SupabaseClient serviceRoleFromSettings(SupabaseSettings settings, Consumer<Builder> change) {
        Builder b = serviceRoleBuilder().url(settings.url().toString()).apiKey(settings.requireServiceRoleKey());
        change.accept(b);
        return b.build();
    }

    /**
     * Creates the publishable-key client from the whole configuration ({@code SdkConfig.fromEnvironment()}).
     *
     * @param config the configuration; its Supabase part must be set
     * @return the client
     */
    public static SupabaseClient fromSettings(SdkConfig config) {
        return fromSettings(config.supabase());
    }

    /**
     * Creates the service-role client from validated configuration. Server side only.
     *
     * @param settings the Supabase settings
     * @return the service-role client
     * @throws com.rabaislocal.sdk.core.error.ConfigException when SUPABASE_SERVICE_ROLE_KEY is not set
     */
    public static SupabaseClient serviceRoleFromSettings(SupabaseSettings settings) {
        return createServiceRole(settings.url().toString(), settings.requireServiceRoleKey());
    }

    /**
     * The retry policy of Supabase clients, as the official clients do it: only reads (GET, HEAD) and writes that
     * are safe to repeat are retried, up to 3 times, on HTTP 503 (e.g. {@code PGRST002} while the schema cache
     * reloads), 520 (Cloudflare) and I/O failures; waits 1 s, 2 s, 4 s... up to 30 s (with jitter), or what
     * {@code Retry-After} asks; 60 s deadline per call.
     *
     * @return the policy; adjust a copy with {@code toBuilder()}
     */
    public static RetryPolicy defaultRetryPolicy() {
        return DEFAULT_RETRY;
    }

    /** @return a builder holding this client's settings (not its access token) */
    public Builder toBuilder() {
        return new Builder(serviceRole).options(options).schema(schema).maxUrlLength(maxUrlLength);
    }

    /**
     * Derives a client with some settings changed (a retry policy for tests, a listener, a deadline), sharing the
     * transport and its connection pool. A user token set with {@link #withAccessToken(Secret)} is kept.
     *
     * @param change changes to a builder holding this client's settings
     * @return the new client
     * @throws ValidationException when the changed settings are invalid
     */
    public SupabaseClient withOptions(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        SupabaseClient derived = b.build();
        return accessToken == null ? derived : derived.withAccessToken(accessToken);
    }

    /** @return the kit options this client was built from (never shows the key) */
    public ClientOptions options() {
        return options;
    }

    /**
     * Returns a client whose requests act as the given user ({@code Authorization: Bearer <userJwt>}), so Row
     * Level Security applies to that user. This client is unchanged; both share the connection pool. The token is
     * not verified here (PostgREST does, answering {@code PGRST301} for a bad one). Derived from a service-role
     * client, the result still sends the secret key as {@code apikey} but its requests run as the user.
     *
     * @param userJwt the user's access token (a JWT)
     * @return the per-user client
     * @throws ValidationException when the value is not JWT-shaped
     */
    public SupabaseClient withAccessToken(String userJwt) {
        if (userJwt == null || !ApiKeys.isJwt(userJwt.strip())) {
            throw new ValidationException("accessToken", "is not a JWT (three dot-separated base64url parts)");
        }
        return withAccessToken(Secret.of(userJwt.strip()));
    }

    /**
     * As {@link #withAccessToken(String)}, from a {@link Secret}.
     *
     * @param userJwt the user's access token
     * @return the per-user client
     */
    public SupabaseClient withAccessToken(Secret userJwt) {
        if (userJwt == null || !ApiKeys.isJwt(userJwt.reveal())) {
            throw new ValidationException("accessToken", "is not a JWT (three dot-separated base64url parts)");
        }
        ServiceClient derived = http.withOptions(b -> b.authenticator(new Auth(options.credential(), userJwt)));
        return new SupabaseClient(options, serviceRole, schema, maxUrlLength, derived, userJwt);
    }

    /** @return whether this client holds the secret (service_role) key */
    public boolean isServiceRole() {
        return serviceRole;
    }

    /** @return whether requests carry a user's JWT */
    public boolean hasAccessToken() {
        return accessToken != null;
    }

    /**
     * Returns the user JWT this client sends, e.g. to name the actor of an audit event. It was not verified here:
     * authorize with {@link com.rabaislocal.sdk.supabase.auth.JwtVerifier}, never with this value.
     *
     * @return the token given to {@link #withAccessToken(String)}, masked by {@link Secret#toString()}; empty when
     *     requests carry none
     */
    public java.util.Optional<Secret> accessToken() {
        return java.util.Optional.ofNullable(accessToken);
    }

    /** @return the project URL */
    public String url() {
        return http.baseUrl().toString();
    }

    /**
     * Starts a Data API request on a table or view of the client's schema.
     *
     * @param table the table or view name
     * @return the table, to choose select, insert, upsert, update or delete
     */
    public TableQuery from(String table) {
        return postgrest.from(table);
    }

    /**
     * Calls a database function without arguments.
     *
     * @param function the function name
     * @return the call (POST; {@code .get()} for GET)
     */
    public RpcQuery rpc(String function) {
        return postgrest.rpc(function);
    }

    /**
     * Calls a database function.
     *
     * @param function the function name
     * @param args named arguments (Map, record, bean), or null
     * @return the call (POST; {@code .get()} for GET)
     */
    public RpcQuery rpc(String function, Object args) {
        return postgrest.rpc(function, args);
    }

    /**
     * Returns the Data API of another exposed schema ({@code Accept-Profile}/{@code Content-Profile}).
     *
     * @param schema the schema name
     * @return the PostgREST client for it
     */
    public PostgrestClient schema(String schema) {
        return postgrest.schema(schema);
    }

    /** @return the Data API client of the client's schema */
    public PostgrestClient postgrest() {
        return postgrest;
    }

    /** @return the Edge Functions client */
    public FunctionsClient functions() {
        return functions;
    }

    /**
     * Returns the HTTP client every Supabase call goes through (credentials, error parsing and retries set), for
     * Supabase APIs this class has no method for.
     *
     * @return the service client
     */
    public ServiceClient http() {
        return http;
    }

    /** Marks this client closed; the shared transport stays open for other clients. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "SupabaseClient{" + url() + ", key=" + (serviceRole ? "service_role" : "publishable")
                + (accessToken != null ? ", user JWT" : "") + '}';
    }

    /** Puts the project key and the caller's identity on each attempt. */
    private static final class Auth implements RequestAuthenticator {
        private final CredentialProvider apiKey;
        private final Secret accessToken;

        Auth(CredentialProvider apiKey, Secret accessToken) {
            this.apiKey = apiKey;
            this.accessToken = accessToken;
        }

        @Override
        public void authenticate(com.rabaislocal.sdk.core.http.SdkRequest request,
                                 com.rabaislocal.sdk.core.http.AuthHeaders b) {
            String key = apiKey.current().reveal();
            b.set("apikey", key);
            if (accessToken != null) {
                b.set("Authorization", "Bearer " + accessToken.reveal());
            } else if (ApiKeys.isJwt(key)) {
                b.set("Authorization", "Bearer " + key);
            } else {
                b.remove("Authorization");
            }
        }
    }

    /**
     * Builds a {@link SupabaseClient} on the kit's options ({@link ClientOptions.Base}: transport, retry policy,
     * per-attempt timeout, deadline, default and sensitive headers, listeners); {@link #build()} validates every
     * setting at once.
     */
    public static final class Builder extends ClientOptions.Base<Builder> {
        private final boolean serviceRole;
        private String schema;
        private int maxUrlLength = PostgrestClient.DEFAULT_MAX_URL_LENGTH;

        private Builder(boolean serviceRole) {
            super(DEFAULT_RETRY);
            this.serviceRole = serviceRole;
            requireCredential();
        }

        /**
         * Sets the project URL, the root every Supabase API hangs from ({@code /rest/v1}, {@code /auth/v1},
         * {@code /functions/v1} are added by the clients that call them). The same as {@link #baseUrl(String)}.
         *
         * @param url e.g. {@code https://<ref>.supabase.co}; required, http(s), no query or fragment
         * @return this builder
         */
        public Builder url(String url) {
            return baseUrl(url);
        }

        /**
         * Sets the project key, read on every request (a rotated key is used at once). Sent as {@code apikey}, and
         * as the Bearer only when it is a JWT and no user token is set (see docs/MODULES.md).
         *
         * @param apiKey the publishable key or legacy anon JWT; on {@link #serviceRoleBuilder()}, the secret key or
         *     legacy service_role JWT; required
         * @return this builder
         */
        public Builder apiKey(CredentialProvider apiKey) {
            return credential(apiKey);
        }

        /**
         * Sets a fixed project key.
         *
         * @param apiKey the key; required
         * @return this builder
         */
        public Builder apiKey(Secret apiKey) {
            return credential(apiKey == null ? null : CredentialProvider.of(apiKey));
        }

        /**
         * Sets the database schema every query uses ({@code Accept-Profile} / {@code Content-Profile}).
         *
         * @param schema an exposed schema; default: none sent, so PostgREST uses its first exposed schema
         *     ({@code public})
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Sets the longest request URL the query builder sends; a longer one is refused before sending.
         *
         * @param maxUrlLength characters, at least 256; default {@value PostgrestClient#DEFAULT_MAX_URL_LENGTH}
         * @return this builder
         */
        public Builder maxUrlLength(int maxUrlLength) {
            this.maxUrlLength = maxUrlLength;
            return this;
        }

        @Override
        protected String baseUrlField() {
            return "url";
        }

        @Override
        protected String credentialField() {
            return "apiKey";
        }

        @Override
        protected String credentialDescription() {
            return serviceRole ? "the project's secret or service_role key" : "the project's publishable or anon key";
        }

        /**
         * Validates every setting and builds the client.
         *
         * @return the client
         * @throws ValidationException naming every invalid setting
         */
        public SupabaseClient build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            validate(errors);
            ClientOptions options = buildOptions();
            if (options.credential() != null) {
                String mismatch = ApiKeys.mismatch(options.credential().current().reveal(), serviceRole);
                if (mismatch != null) {
                    errors.put("apiKey", List.of(mismatch));
                }
            }
            if (schema != null && schema.isBlank()) {
                errors.put("schema", List.of("must not be blank"));
            }
            if (maxUrlLength < 256) {
                errors.put("maxUrlLength", List.of("must be at least 256, was " + maxUrlLength));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException((serviceRole ? "service-role " : "") + "Supabase client settings",
                        errors);
            }
            ServiceClient http = ServiceClient.builder().service(SERVICE).options(options)
                    .authenticator(new Auth(options.credential(), null)).errorParser(SupabaseErrorParser.instance())
                    .defaultHeader("X-Client-Info", "rabaislocal-sdk-java/" + UserAgent.sdkVersion())
                    .retryCountHeader("X-Retry-Count").build();
            return new SupabaseClient(options, serviceRole, schema, maxUrlLength, http, null);
        }
    }
}
