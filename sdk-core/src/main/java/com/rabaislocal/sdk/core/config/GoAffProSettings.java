package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * What {@code sdk-goaffpro} needs, validated. Obtain it with {@link SdkConfig#goAffPro()}.
 */
public final class GoAffProSettings {

    private final RabaisEnvironment environment;
    private final URI baseUrl;
    private final CredentialProvider apiKey;
    private final Optional<String> programId;

    GoAffProSettings(RabaisEnvironment environment, URI baseUrl, CredentialProvider apiKey,
                     Optional<String> programId) {
        this.environment = environment;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.programId = programId;
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
     * Returns the API base URL (GOAFFPRO_BASE_URL), including the version path.
     *
     * @return the URL without a trailing slash; default {@code https://api.goaffpro.com/v1}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the provider of GOAFFPRO_API_KEY, the admin access token sent as {@code x-goaffpro-access-token}.
     *
     * @return the provider
     */
    public CredentialProvider apiKey() {
        return apiKey;
    }

    /**
     * Returns the program (store) id (GOAFFPRO_PROGRAM_ID).
     *
     * @return the id, or empty if not configured
     */
    public Optional<String> programId() {
        return programId;
    }

    /** Masked: never shows the access token. */
    @Override
    public String toString() {
        return "GoAffProSettings{environment=" + environment + ", baseUrl=" + baseUrl + ", apiKey=configured, "
                + "programId=" + programId.orElse("absent") + "}";
    }
}
