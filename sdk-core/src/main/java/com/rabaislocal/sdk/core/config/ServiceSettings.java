package com.rabaislocal.sdk.core.config;

import java.util.List;

/**
 * What every per-service settings type holds: the deployment it was validated for, and a {@code toString} that
 * names the type and its values with each credential shown only as {@code configured}.
 */
abstract class ServiceSettings {

    private final RabaisEnvironment environment;

    ServiceSettings(RabaisEnvironment environment) {
        this.environment = environment;
    }

    /**
     * Returns the deployment these settings were validated for.
     *
     * @return the environment
     */
    public RabaisEnvironment environment() {
        return environment;
    }

    /** The {@code name=value} parts after the environment, in order; a credential is written {@code configured}. */
    abstract List<String> shownValues();

    /** Masked: never shows a credential. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "{environment=" + environment + ", " + String.join(", ", shownValues())
                + "}";
    }
}
