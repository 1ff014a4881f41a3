package com.rabaislocal.sdk.core.config;

import java.util.List;

/**
 * The Make.com values of the shared environment, validated, for applications that call Make themselves (the SDK
 * has no Make client). Obtain it with {@link SdkConfig#make()}. {@link #toString()} never shows the token.
 */
public final class MakeSettings extends ServiceSettings {

    private final long teamId;
    private final CredentialProvider apiToken;

    MakeSettings(RabaisEnvironment environment, long teamId, CredentialProvider apiToken) {
        super(environment);
        this.teamId = teamId;
        this.apiToken = apiToken;
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

    @Override
    List<String> shownValues() {
        return List.of("teamId=" + teamId, "apiToken=configured");
    }
}
