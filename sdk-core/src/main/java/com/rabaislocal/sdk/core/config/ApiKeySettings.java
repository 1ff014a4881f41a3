package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The settings of an HTTP API reached with one key: its base URL, the key's provider and one optional
 * service-specific value, which the concrete type exposes under its own name.
 */
abstract class ApiKeySettings extends ServiceSettings {

    private final URI baseUrl;
    private final CredentialProvider apiKey;
    private final String optionName;
    private final Optional<String> option;

    ApiKeySettings(RabaisEnvironment environment, URI baseUrl, CredentialProvider apiKey, String optionName,
                   Optional<String> option) {
        super(environment);
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.optionName = optionName;
        this.option = option;
    }

    /**
     * Returns the API base URL, including the version path (the service's {@code *_BASE_URL}; the default is named
     * on the concrete type).
     *
     * @return the URL without a trailing slash
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the provider of the service's API key (its {@code *_API_KEY}), read on every request so rotations
     * apply.
     *
     * @return the provider
     */
    public CredentialProvider apiKey() {
        return apiKey;
    }

    /** The service-specific optional value, returned by the concrete type's own accessor. */
    final Optional<String> option() {
        return option;
    }

    @Override
    final List<String> shownValues() {
        return List.of("baseUrl=" + baseUrl, "apiKey=configured", optionName + "=" + option.orElse("absent"));
    }
}
