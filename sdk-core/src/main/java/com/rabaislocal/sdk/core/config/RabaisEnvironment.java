package com.rabaislocal.sdk.core.config;

import com.rabaislocal.sdk.core.error.ConfigException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The RabaisLocal deployment a process runs in, chosen with {@code RABAISLOCAL_ENV}. Each environment knows the
 * platform's public URLs, and decides how strict URL validation is: only {@link #PRODUCTION} refuses loopback
 * addresses.
 */
public enum RabaisEnvironment {

    /** Local development: frontend {@code http://localhost:3000}, backend/API {@code http://localhost:3001}. */
    DEVELOPMENT("development", "http://localhost:3000", "http://localhost:3000", "http://localhost:3001",
            List.of("development", "dev")),

    /** Pre-production: {@code https://staging.rabaislocal.com}, API {@code https://staging-api.rabaislocal.com}. */
    STAGING("staging", "https://staging.rabaislocal.com", "https://staging.rabaislocal.com",
            "https://staging-api.rabaislocal.com", List.of("staging", "stage")),

    /**
     * Production: frontend {@code https://rabaislocal.com}, app {@code https://app.rabaislocal.com}, API
     * {@code https://api.rabaislocal.com}.
     */
    PRODUCTION("production", "https://rabaislocal.com", "https://app.rabaislocal.com", "https://api.rabaislocal.com",
            List.of("production", "prod"));

    private final String id;
    private final URI frontendUrl;
    private final URI appUrl;
    private final URI apiUrl;
    private final List<String> aliases;

    RabaisEnvironment(String id, String frontendUrl, String appUrl, String apiUrl, List<String> aliases) {
        this.id = id;
        this.frontendUrl = URI.create(frontendUrl);
        this.appUrl = URI.create(appUrl);
        this.apiUrl = URI.create(apiUrl);
        this.aliases = aliases;
    }

    /**
     * Returns the canonical lower-case name, as written in {@code RABAISLOCAL_ENV}.
     *
     * @return {@code development}, {@code staging} or {@code production}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the public website's URL.
     *
     * @return the frontend URL, without a trailing slash
     */
    public URI frontendUrl() {
        return frontendUrl;
    }

    /**
     * Returns the signed-in application's URL (the frontend itself outside production).
     *
     * @return the app URL, without a trailing slash
     */
    public URI appUrl() {
        return appUrl;
    }

    /**
     * Returns the RabaisLocal backend API's URL.
     *
     * @return the API URL, without a trailing slash
     */
    public URI apiUrl() {
        return apiUrl;
    }

    /**
     * Returns every spelling {@link #parse(String)} accepts for this environment (case-insensitive).
     *
     * @return the accepted names, canonical name first
     */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * Tells whether base URLs may point at this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}).
     *
     * @return false only for {@link #PRODUCTION}
     */
    public boolean allowsLoopback() {
        return this != PRODUCTION;
    }

    /**
     * Parses a {@code RABAISLOCAL_ENV} value leniently: {@code development}/{@code dev},
     * {@code staging}/{@code stage}, {@code production}/{@code prod}, in any case, surrounding blanks ignored.
     * A null or blank value means the default, {@link #DEVELOPMENT}.
     *
     * @param value the raw value, may be null
     * @return the environment
     * @throws ConfigException naming {@code RABAISLOCAL_ENV} if the value is not one of the accepted names
     */
    public static RabaisEnvironment parse(String value) {
        return lookup(value).orElseThrow(
                () -> new ConfigException(ConfigKey.RABAISLOCAL_ENV.name() + ": " + unknownReason(value)));
    }

    /** The lenient lookup behind {@link #parse}; empty for an unknown name, DEVELOPMENT for null or blank. */
    static Optional<RabaisEnvironment> lookup(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(DEVELOPMENT);
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (RabaisEnvironment e : values()) {
            if (e.aliases.contains(wanted)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Why {@code value} is not an environment name, echoing it only when it is short and name-like. */
    static String unknownReason(String value) {
        String v = value.strip();
        // Anything longer or stranger may be a credential pasted into the wrong variable.
        String shown = v.matches("[A-Za-z0-9_-]{1,20}") ? "'" + v + "'" : "a value of " + v.length() + " chars";
        return "unknown environment " + shown
                + "; expected one of development, dev, staging, stage, production, prod (case-insensitive)";
    }
}
