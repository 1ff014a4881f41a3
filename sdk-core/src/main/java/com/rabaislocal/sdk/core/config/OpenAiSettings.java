package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * What {@code sdk-openai} needs, validated. Obtain it with {@link SdkConfig#openAi()}.
 *
 * <p>{@link #baseUrl()} is OPENAI_BASE_URL, default {@code https://api.openai.com/v1}; {@link #apiKey()} is
 * OPENAI_API_KEY, sent as {@code Authorization: Bearer}. {@link #toString()} never shows the key.
 */
public final class OpenAiSettings extends ApiKeySettings {

    OpenAiSettings(RabaisEnvironment environment, URI baseUrl, CredentialProvider apiKey,
                   Optional<String> organizationId) {
        super(environment, baseUrl, apiKey, "organizationId", organizationId);
    }

    /**
     * Returns the organization id (OPENAI_ORG_ID), sent as {@code OpenAI-Organization} when present.
     *
     * @return the id ({@code org-...}), or empty if not configured
     */
    public Optional<String> organizationId() {
        return option();
    }
}
