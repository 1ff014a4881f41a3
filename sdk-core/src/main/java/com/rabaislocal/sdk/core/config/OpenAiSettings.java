package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What {@code sdk-openai} needs, validated. Obtain it with {@link SdkConfig#openAi()}.
 *
 * <p>{@link #baseUrl()} is OPENAI_BASE_URL, default {@code https://api.openai.com/v1} (another URL for an
 * OpenAI-compatible provider or a proxy); {@link #apiKey()} is OPENAI_API_KEY, sent as {@code Authorization:
 * Bearer}; OPENAI_ORG_ID and OPENAI_PROJECT_ID are optional. {@link #toString()} never shows the key.
 */
public final class OpenAiSettings extends ServiceSettings {

    private final URI baseUrl;
    private final CredentialProvider apiKey;
    private final Optional<String> organizationId;
    private final Optional<String> projectId;

    OpenAiSettings(RabaisEnvironment environment, URI baseUrl, CredentialProvider apiKey,
                   Optional<String> organizationId, Optional<String> projectId) {
        super(environment);
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.organizationId = organizationId;
        this.projectId = projectId;
    }

    /**
     * Returns the API base URL (OPENAI_BASE_URL), version path included.
     *
     * @return the URL without a trailing slash; default {@code https://api.openai.com/v1}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the provider of OPENAI_API_KEY, read on every request so rotations apply.
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

    /**
     * Returns the project id (OPENAI_PROJECT_ID), sent as {@code OpenAI-Project} when present.
     *
     * @return the id ({@code proj_...}), or empty if not configured
     */
    public Optional<String> projectId() {
        return projectId;
    }

    @Override
    List<String> shownValues() {
        return List.of("baseUrl=" + baseUrl, "apiKey=configured", "organizationId=" + organizationId.orElse("absent"),
                "projectId=" + projectId.orElse("absent"));
    }
}
