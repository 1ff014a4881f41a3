package com.rabaislocal.sdk.core.config;

/**
 * The Make.com values of the shared environment, validated, for applications that call Make themselves (the SDK
 * has no Make client). Obtain it with {@link SdkConfig#make()}.
 */
public final class MakeSettings {

    private final RabaisEnvironment environment;
    private final long teamId;
    private final CredentialProvider apiToken;

    MakeSettings(RabaisEnvironment environment, long teamId, CredentialProvider apiToken) {
        this.environment = environment;
        this.teamId = teamId;
        this.apiToken = apiToken;
    }

    /**
     * Returns the deployment these settings were validated for.
     *
     * @return the environment
     */
    public RabaisEnvironment environment() {
        return environment;
    }

    /**
     * Returns the team id (MAKE_TEAM_ID).
     *
     * @return the positive numeric id
     */
    public long teamId() {
        return teamId;
    }

    /**
     * Returns the provider of MAKE_API_TOKEN.
     *
     * @return the provider
     */
    public CredentialProvider apiToken() {
        return apiToken;
    }

    /** Masked: never shows the token. */
    @Override
    public String toString() {
        return "MakeSettings{environment=" + environment + ", teamId=" + teamId + ", apiToken=configured}";
    }
}
