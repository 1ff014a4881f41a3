package com.rabaislocal.sdk.make;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.MakeSettings;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.RequestAuthenticator;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.make.blueprints.BlueprintService;
import com.rabaislocal.sdk.make.error.MakeErrorParser;
import com.rabaislocal.sdk.make.error.MissingScopeException;
import com.rabaislocal.sdk.make.executions.ExecutionService;
import com.rabaislocal.sdk.make.hooks.HookService;
import com.rabaislocal.sdk.make.internal.MakeHttp;
import com.rabaislocal.sdk.make.scenarios.ScenarioService;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Make.com client: the team's scenarios ({@link #scenarios()}), their execution history
 * ({@link #executions()}), blueprints ({@link #blueprints()}) and webhooks ({@link #hooks()}). Immutable,
 * thread-safe and {@link AutoCloseable}.
 *
 * <p>Make has one host per zone ({@code https://eu1.make.com/api/v2}, ...) and a token works only in its own zone,
 * which nothing can discover: give the zone ({@link Builder#zone(String)}, {@code MAKE_ZONE}) or the base URL
 * ({@code MAKE_BASE_URL}). The token is sent as {@code Authorization: Token <token>}, read on every request, with
 * the SDK's {@code User-Agent} (Make's filter refuses default agents). Check it at start-up with
 * {@link #verifyToken(Collection)}.
 *
 * <p>Reads (and the state-setting activate/deactivate) are retried on 429, 502, 503 and 504, waiting until
 * {@code x-ratelimit-reset} on a 429; a run is never retried. The latest {@code x-ratelimit-*} values are at
 * {@link #lastRateLimit()}, and a failed call's at {@link MakeRateLimit#of(com.rabaislocal.sdk.core.error.ApiException)}.
 */
public final class MakeClient implements AutoCloseable {

    /** The service name in logs, metrics and exceptions. */
    public static final String SERVICE = MakeHttp.SERVICE;

    /**
     * The default retry policy: 3 retries of reads on 429, 502, 503, 504 and I/O failures, backoff from 1 s doubling
     * to 30 s, a server wait hint honoured up to 60 s, 60 s deadline per call.
     */
    public static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.builder().maxRetries(3)
            .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
            .maxRetryAfter(Duration.ofSeconds(60)).retryableStatuses(Set.of(429, 502, 503, 504)).build();

    /** The zones Make names, by their short name. */
    public static final Set<String> ZONES = Set.of("eu1", "eu2", "us1", "us2");

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private final ClientOptions options;
    private final long teamId;
    private final ServiceClient http;
    private final MakeHttp calls;
    private final AtomicReference<MakeRateLimit> lastRateLimit;
    private final ScenarioService scenarios;
    private final ExecutionService executions;
    private final BlueprintService blueprints;
    private final HookService hooks;

    private MakeClient(ClientOptions options, long teamId, AtomicReference<MakeRateLimit> lastRateLimit) {
        this.options = options;
        this.teamId = teamId;
        this.lastRateLimit = lastRateLimit;
        this.http = ServiceClient.builder().service(SERVICE).options(options)
                .authenticator(RequestAuthenticator.scheme("Authorization", "Token ", options.credential()))
                .errorParser(new MakeErrorParser(options.retryPolicy().clock()))
                .sensitiveHeader(HookService.API_KEY_HEADER).build();
        this.calls = new MakeHttp(http, teamId, lastRateLimit);
        this.scenarios = new ScenarioService(calls);
        this.executions = new ExecutionService(calls, scenarios, options.retryPolicy().clock());
        this.blueprints = new BlueprintService(calls);
        this.hooks = new HookService(calls, options.transport(), options.retryPolicy(), options.deadline());
    }

    /** @return a builder; the team id, the token and the zone (or base URL) are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a client from the validated settings (MAKE_TEAM_ID, MAKE_API_TOKEN, and MAKE_BASE_URL or MAKE_ZONE).
     * The token is read through its provider on every request, so a rotation applies without a rebuild.
     *
     * @param settings the settings
     * @return the client
     * @throws ConfigException when neither MAKE_ZONE nor MAKE_BASE_URL is set, or the zone is invalid
     */
    public static MakeClient fromSettings(MakeSettings settings) {
        Builder b = builder().teamId(settings.teamId()).credential(settings.apiToken());
        if (settings.baseUrl().isPresent()) {
            b.baseUrl(settings.baseUrl().get().toString());
        } else if (settings.zone().isPresent()) {
            try {
                b.baseUrl(zoneBaseUrl(settings.zone().get()));
            } catch (ValidationException e) {
                throw new ConfigException("MAKE_ZONE " + e.fieldErrors().get("zone").get(0));
            }
        } else {
            throw new ConfigException("MAKE_ZONE (or MAKE_BASE_URL) is required: a Make token works only in its own"
                    + " zone, which Make cannot discover; set MAKE_ZONE to eu1, eu2, us1 or us2 (the host in the"
                    + " address bar of the organization's dashboard)");
        }
        return b.build();
    }

    /**
     * Builds a client from the configuration's Make settings.
     *
     * @param config the configuration
     * @return the client
     * @throws ConfigException when a Make value is missing or invalid
     */
    public static MakeClient fromSettings(SdkConfig config) {
        return fromSettings(config.make());
    }

    /**
     * Returns the API base URL of a zone.
     *
     * @param zone {@code eu1}, {@code eu2}, {@code us1}, {@code us2}, or a zone host such as
     *     {@code eu1.make.celonis.com}
     * @return e.g. {@code https://eu1.make.com/api/v2}
     * @throws ValidationException when the zone is neither
     */
    public static String zoneBaseUrl(String zone) {
        String z = zone == null ? "" : zone.strip().toLowerCase(Locale.ROOT);
        if (ZONES.contains(z)) {
            return "https://" + z + ".make.com/api/v2";
        }
        if (HOST.matcher(z).matches()) {
            return "https://" + z + "/api/v2";
        }
        throw new ValidationException("zone", "must be eu1, eu2, us1, us2 or a zone host such as"
                + " eu1.make.celonis.com");
    }

    /** @return a builder holding this client's settings */
    public Builder toBuilder() {
        Builder b = new Builder().options(options).teamId(teamId);
        b.sharedRateLimit = lastRateLimit;
        return b;
    }

    /**
     * Derives a client with changed settings that shares this one's connection pool.
     *
     * @param change edits a builder holding this client's settings
     * @return the derived client
     */
    public MakeClient withOptions(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return the team's scenarios: list, get, activate, deactivate, run */
    public ScenarioService scenarios() {
        return scenarios;
    }

    /** @return the execution history: logs, incomplete executions, usage, health */
    public ExecutionService executions() {
        return executions;
    }

    /** @return scenarios' blueprints and their versions */
    public BlueprintService blueprints() {
        return blueprints;
    }

    /** @return the team's webhooks, and triggering them */
    public HookService hooks() {
        return hooks;
    }

    /** @return the team id every listing is for */
    public long teamId() {
        return teamId;
    }

    /** @return the options (base URL, retry policy, deadline, ...) */
    public ClientOptions options() {
        return options;
    }

    /** @return the latest {@code x-ratelimit-*} values an answer carried (shared with derived clients) */
    public Optional<MakeRateLimit> lastRateLimit() {
        return calls.lastRateLimit();
    }

    /**
     * Checks the token at start-up: {@code GET /users/me}, then {@code GET /users/me/current-authorization} for its
     * scopes, which must include every required one.
     *
     * @param requiredScopes the scopes the application needs (see {@link MakeScopes}); may be empty
     * @return whom the token belongs to and its scopes
     * @throws MissingScopeException naming every missing scope
     * @throws ConfigException when Make refuses the token (wrong token, or a token of another zone)
     */
    public TokenInfo verifyToken(Collection<String> requiredScopes) {
        JsonNode user;
        JsonNode authorization;
        try {
            user = calls.send(MakeHttp.request("GET", "users.me", "users", "me").build()).object("authUser").node();
            authorization = calls.send(MakeHttp.request("GET", "users.authorization", "users", "me",
                    "current-authorization").build()).object("authorization").node();
        } catch (AuthenticationException e) {
            throw new ConfigException("MAKE_API_TOKEN was refused by " + http.baseUrl().host() + " (HTTP "
                    + e.httpStatus() + "): check the token, and that MAKE_ZONE names the zone it was created in", e);
        }
        Set<String> granted = new LinkedHashSet<>();
        authorization.path("scope").forEach(s -> granted.add(s.asText()));
        Set<String> missing = new LinkedHashSet<>(requiredScopes);
        missing.removeAll(granted);
        if (!missing.isEmpty()) {
            throw new MissingScopeException(missing, granted);
        }
        return new TokenInfo(user.path("id").asLong(), user.path("name").asText(""), granted);
    }

    /**
     * Checks the token with the scopes given.
     *
     * @param requiredScopes e.g. {@code MakeScopes.SCENARIOS_READ}
     * @return whom the token belongs to and its scopes
     * @throws MissingScopeException naming every missing scope
     */
    public TokenInfo verifyToken(String... requiredScopes) {
        return verifyToken(List.of(requiredScopes));
    }

    /** Refuses further calls; the shared connection pool stays open for other clients. Idempotent. */
    @Override
    public void close() {
        http.close();
    }

    /** Names the base URL and team; never the token. */
    @Override
    public String toString() {
        return "MakeClient{baseUrl=" + options.baseUrl() + ", teamId=" + teamId + ", retry=" + options.retryPolicy()
                + '}';
    }

    /**
     * Builds a {@link MakeClient}: the shared settings of {@link ClientOptions.Base} plus the team and zone.
     */
    public static final class Builder extends ClientOptions.Base<Builder> {
        private Long teamId;
        private String zoneProblem;
        private AtomicReference<MakeRateLimit> sharedRateLimit;

        private Builder() {
            super(DEFAULT_RETRY_POLICY);
            requireCredential();
        }

        /**
         * Sets the team every listing is for (MAKE_TEAM_ID).
         *
         * @param teamId positive numeric id (in the Team page's address); required, no default
         * @return this builder
         */
        public Builder teamId(long teamId) {
            this.teamId = teamId;
            return this;
        }

        /**
         * Sets the base URL from the zone the token belongs to (an explicit {@link #baseUrl(String)} set later
         * wins).
         *
         * @param zone {@code eu1}, {@code eu2}, {@code us1}, {@code us2} or a zone host; no default: without a
         *     zone or a base URL, the base URL is required
         * @return this builder
         */
        public Builder zone(String zone) {
            try {
                baseUrl(zoneBaseUrl(zone));
                zoneProblem = null;
            } catch (ValidationException e) {
                zoneProblem = e.fieldErrors().get("zone").get(0);
            }
            return this;
        }

        /**
         * Validates and builds the client.
         *
         * @return the client
         * @throws ValidationException naming every invalid setting
         */
        public MakeClient build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            validate(errors);
            if (zoneProblem != null) {
                errors.put("zone", List.of(zoneProblem));
                errors.remove("baseUrl");
            } else if (errors.containsKey("baseUrl") && errors.get("baseUrl").contains("is required")) {
                errors.put("baseUrl", List.of("is required: set the zone (zone(\"eu1\")) or the base URL"
                        + " (https://eu1.make.com/api/v2); a token works only in its own zone"));
            }
            if (teamId == null) {
                errors.put("teamId", List.of("is required (MAKE_TEAM_ID)"));
            } else if (teamId <= 0) {
                errors.put("teamId", List.of("must be positive, was " + teamId));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("make client settings", errors);
            }
            return new MakeClient(buildOptions(), teamId,
                    sharedRateLimit != null ? sharedRateLimit : new AtomicReference<>());
        }
    }
}
