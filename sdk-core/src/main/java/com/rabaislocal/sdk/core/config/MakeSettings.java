package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The Make.com values of the shared environment, validated, read by {@code sdk-make}'s {@code MakeClient}. Obtain it
 * with {@link SdkConfig#make()}. {@link #toString()} never shows the token.
 */
public final class MakeSettings extends ServiceSettings {

    private final long teamId;
    private final CredentialProvider apiToken;
    private final Optional<String> zone;
    private final Optional<URI> baseUrl;

    MakeSettings(RabaisEnvironment environment, long teamId, CredentialProvider apiToken, Optional<String> zone,
                 Optional<URI> baseUrl) {
        super(environment);
        this.teamId = teamId;
        this.apiToken = apiToken;
        this.zone = zone;
        this.baseUrl = baseUrl;
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

    /**
     * Returns the zone (MAKE_ZONE), as set: {@code eu1} or a host such as {@code eu1.make.com}.
     *
     * @return the zone, or empty when unset
     */
    public Optional<String> zone() {
        return zone;
    }

    /**
     * Returns the API base URL (MAKE_BASE_URL), which wins over the zone.
     *
     * @return the URL without a trailing slash, or empty when unset
     */
    public Optional<URI> baseUrl() {
        return baseUrl;
    }

    @Override
    List<String> shownValues() {
        return List.of("teamId=" + teamId, "apiToken=configured", "zone=" + zone.orElse("absent"),
                "baseUrl=" + baseUrl.map(URI::toString).orElse("absent"));
    }
}
