package com.rabaislocal.sdk.core.config;

/**
 * Where a configuration value came from. Constants are declared from highest to lowest precedence: a value set
 * programmatically hides the same key in system properties, which hide environment variables, which hide the
 * {@code .env} file; {@link #DEFAULT} applies only when no source sets the key.
 */
public enum ConfigSource {

    /** Set on {@link SdkConfig.Builder} (a value or a {@link CredentialProvider}). Highest precedence. */
    PROGRAMMATIC("set programmatically"),

    /** A Java system property, under the variable's name or its dotted alias (see {@link ConfigKey#propertyName()}). */
    SYSTEM_PROPERTY("system property"),

    /** A process environment variable with the exact variable name. */
    ENVIRONMENT_VARIABLE("environment variable"),

    /** A {@code KEY=VALUE} line of the {@code .env} file. Lowest precedence. */
    DOTENV_FILE(".env file"),

    /** No source sets the key; the SDK's documented default applies. */
    DEFAULT("default");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /**
     * Returns a short human label, for reports.
     *
     * @return e.g. {@code environment variable}
     */
    public String label() {
        return label;
    }
}
