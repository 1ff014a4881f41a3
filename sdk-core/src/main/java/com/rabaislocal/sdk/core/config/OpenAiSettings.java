package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * What {@code sdk-openai} needs, validated. Obtain it with {@link SdkConfig#openAi()}.
 */
public final class OpenAiSettings {

    private final RabaisEnvironment environment;
    private final URI baseUrl;
    private final CredentialProvider apiKey;
    private final Optional<String> organizationId;

    OpenAiSettings(RabaisEnvironment environment, URI baseUrl, CredentialProvider apiKey,
                   Optional<String> organizationId) {
        this.environment = environment;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.organizationId = organizationId;
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
     * Returns the API base URL (OPENAI_BASE_URL), including the version path.
     *
     * @return the URL without a trailing slash; default {@code https://api.openai.com/v1}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the provider of OPENAI_API_KEY, sent as {@code Authorization: Bearer}.
     *
     * @return the provider
     */
    public CredentialProvider apiKey() {
        return apiKey;
    }

    /**
     * Returns the organization id (OPENAI_ORG_ID), sent as {@code OpenAI-Organization} when present.
     *
     * @return the id ({@code org-...}), or empty if not configured
     */
    public Optional<String> organizationId() {
        return organizationId;
    }

    /** Masked: never shows the API key. */
    @Override
    public String toString() {
        return "OpenAiSettings{environment=" + environment + ", baseUrl=" + baseUrl + ", apiKey=configured, "
                + "organizationId=" + organizationId.orElse("absent") + "}";
    }
}
