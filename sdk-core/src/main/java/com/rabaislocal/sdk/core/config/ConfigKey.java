package com.rabaislocal.sdk.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration variable the RabaisLocal SDK reads, under the exact names of the platform's shared
 * environment. Each key knows the service it belongs to, whether it is a secret (secrets are only ever handled as
 * {@link Secret}), what kind of value it holds (which decides how it is validated), whether its service needs it,
 * and its default if any.
 *
 * <p>The same name is used as an environment variable, a {@code .env} entry and a system property; system
 * properties may also use the dotted alias {@link #propertyName()}, e.g. {@code rabaislocal.supabase.url}.
 */
public enum ConfigKey {

    /** The deployment: {@code development} (default), {@code staging} or {@code production}; see {@link RabaisEnvironment#parse}. */
    RABAISLOCAL_ENV(null, Kind.ENVIRONMENT, false, false, "development", null,
            "deployment environment (development, staging, production)"),

    /** The Supabase project URL, {@code https://<ref>.supabase.co}. */
    SUPABASE_URL(Service.SUPABASE, Kind.URL, false, true, null, null, "Supabase project URL"),

    /** The Supabase anon key (legacy JWT with role {@code anon}) or publishable key ({@code sb_publishable_...}). */
    SUPABASE_ANON_KEY(Service.SUPABASE, Kind.SUPABASE_KEY, true, true, null, null,
            "Supabase anon (publishable) key"),

    /**
     * The Supabase service-role key (legacy JWT with role {@code service_role}) or secret key
     * ({@code sb_secret_...}). Optional for the service: only service-role (admin) operations need it.
     */
    SUPABASE_SERVICE_ROLE_KEY(Service.SUPABASE, Kind.SUPABASE_KEY, true, false, null, null,
            "Supabase service-role (secret) key, for admin operations"),

    /**
     * The Supabase project's JWT secret (Project Settings, JWT Keys, legacy secret), for verifying HS256 user tokens
     * locally. Optional: projects on asymmetric signing keys are verified through their JWKS instead.
     */
    SUPABASE_JWT_SECRET(Service.SUPABASE, Kind.TOKEN, true, false, null, null,
            "Supabase JWT secret, to verify HS256 user tokens locally"),

    /** The MailerSend API token. */
    MAILERSEND_API_KEY(Service.MAILERSEND, Kind.TOKEN, true, true, null, null, "MailerSend API token"),

    /** The MailerSend sending domain, e.g. {@code rabaislocal.com}. */
    MAILERSEND_DOMAIN(Service.MAILERSEND, Kind.DOMAIN, false, false, null, null, "MailerSend sending domain"),

    /** The MailerSend API base URL; default {@code https://api.mailersend.com/v1}. */
    MAILERSEND_BASE_URL(Service.MAILERSEND, Kind.URL, false, false, "https://api.mailersend.com/v1", null,
            "MailerSend API base URL"),

    /** The OpenAI API key. */
    OPENAI_API_KEY(Service.OPENAI, Kind.TOKEN, true, true, null, null, "OpenAI API key"),

    /** The OpenAI organization id, {@code org-...}; sent as {@code OpenAI-Organization} when set. */
    OPENAI_ORG_ID(Service.OPENAI, Kind.IDENTIFIER, false, false, null, "org-", "OpenAI organization id"),

    /** The OpenAI API base URL; default {@code https://api.openai.com/v1}. */
    OPENAI_BASE_URL(Service.OPENAI, Kind.URL, false, false, "https://api.openai.com/v1", null,
            "OpenAI API base URL"),

    /** The OpenAI project id, {@code proj_...}; sent as {@code OpenAI-Project} when set. */
    OPENAI_PROJECT_ID(Service.OPENAI, Kind.IDENTIFIER, false, false, null, "proj_", "OpenAI project id"),

    /** The GoAffPro admin access token (sent as {@code x-goaffpro-access-token}). */
    GOAFFPRO_API_KEY(Service.GOAFFPRO, Kind.TOKEN, true, true, null, null, "GoAffPro admin access token"),

    /** The GoAffPro program (store) id. */
    GOAFFPRO_PROGRAM_ID(Service.GOAFFPRO, Kind.IDENTIFIER, false, false, null, null, "GoAffPro program id"),

    /** The GoAffPro API base URL; default {@code https://api.goaffpro.com/v1}. */
    GOAFFPRO_BASE_URL(Service.GOAFFPRO, Kind.URL, false, false, "https://api.goaffpro.com/v1", null,
            "GoAffPro API base URL"),

    /** The numeric Make.com team id. */
    MAKE_TEAM_ID(Service.MAKE, Kind.NUMERIC_ID, false, true, null, null, "Make team id (numeric)"),

    /** The Make.com API token. */
    MAKE_API_TOKEN(Service.MAKE, Kind.TOKEN, true, true, null, null, "Make API token"),

    /**
     * The Make.com zone the token belongs to: {@code eu1}, {@code eu2}, {@code us1}, {@code us2} or a full host such
     * as {@code eu1.make.celonis.com}. A token works only in its own zone and Make cannot tell which one it is, so
     * {@code sdk-make} needs this or {@link #MAKE_BASE_URL}.
     */
    MAKE_ZONE(Service.MAKE, Kind.IDENTIFIER, false, false, null, null,
            "Make zone (eu1, eu2, us1, us2 or the zone's host)"),

    /** The Make.com API base URL, e.g. {@code https://eu1.make.com/api/v2}; wins over {@link #MAKE_ZONE}. */
    MAKE_BASE_URL(Service.MAKE, Kind.URL, false, false, null, null, "Make API base URL (instead of MAKE_ZONE)");

    /** What a key holds, which decides how its value is validated. */
    public enum Kind {
        /** A {@link RabaisEnvironment} name. */
        ENVIRONMENT,
        /** An absolute base URL: https, or http on a loopback host outside production; no credentials, query or fragment. */
        URL,
        /** A Supabase API key: a JWT whose {@code role} fits the slot, or an {@code sb_publishable_}/{@code sb_secret_} key. */
        SUPABASE_KEY,
        /** An opaque API token: no whitespace or control characters. */
        TOKEN,
        /** A bare DNS domain name such as {@code rabaislocal.com}. */
        DOMAIN,
        /** An identifier made of letters, digits and {@code . _ : -}, optionally with a required prefix. */
        IDENTIFIER,
        /** A positive decimal number. */
        NUMERIC_ID
    }

    private final Service service;
    private final Kind kind;
    private final boolean secret;
    private final boolean required;
    private final String defaultValue;
    private final String prefix;
    private final String description;

    ConfigKey(Service service, Kind kind, boolean secret, boolean required, String defaultValue, String prefix,
              String description) {
        this.service = service;
        this.kind = kind;
        this.secret = secret;
        this.required = required;
        this.defaultValue = defaultValue;
        this.prefix = prefix;
        this.description = description;
    }

    /**
     * Returns the service this key configures.
     *
     * @return the service; empty for {@link #RABAISLOCAL_ENV}, which concerns the whole SDK
     */
    public Optional<Service> service() {
        return Optional.ofNullable(service);
    }

    /**
     * Returns the kind of value, which decides validation.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Tells whether the value is a credential, read only as a {@link Secret} and never printed.
     *
     * @return true for API keys and tokens
     */
    public boolean secret() {
        return secret;
    }

    /**
     * Tells whether the key's service cannot work without it.
     *
     * @return true if {@link SdkConfig#require(Service...)} reports the key when it is missing
     */
    public boolean required() {
        return required;
    }

    /**
     * Returns the value used when no source sets the key.
     *
     * @return the default, or empty if there is none
     */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Returns the prefix every valid value starts with, when the format has one.
     *
     * @return e.g. {@code org-} for {@link #OPENAI_ORG_ID}; empty otherwise
     */
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    /**
     * Returns a one-line description, for reports and documentation.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Returns the dotted, lower-case system-property alias: {@code rabaislocal.} followed by the name in lower case
     * with {@code _} replaced by {@code .} (a leading {@code RABAISLOCAL_} is not repeated). Example:
     * {@code SUPABASE_ANON_KEY} becomes {@code rabaislocal.supabase.anon.key}, {@code RABAISLOCAL_ENV} becomes
     * {@code rabaislocal.env}.
     *
     * @return the alias
     */
    public String propertyName() {
        String n = name().startsWith("RABAISLOCAL_") ? name().substring("RABAISLOCAL_".length()) : name();
        return "rabaislocal." + n.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * Finds a key by its exact variable name.
     *
     * @param name e.g. {@code SUPABASE_URL}; null gives empty
     * @return the key, or empty if the SDK does not read that name
     */
    public static Optional<ConfigKey> byName(String name) {
        for (ConfigKey k : values()) {
            if (k.name().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
