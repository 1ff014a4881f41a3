package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * What {@code sdk-mailersend} needs, validated. Obtain it with {@link SdkConfig#mailerSend()}.
 */
public final class MailerSendSettings {

    private final RabaisEnvironment environment;
    private final URI baseUrl;
    private final CredentialProvider apiKey;
    private final Optional<String> domain;

    MailerSendSettings(RabaisEnvironment environment, URI baseUrl, CredentialProvider apiKey, Optional<String> domain) {
        this.environment = environment;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.domain = domain;
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
     * Returns the API base URL (MAILERSEND_BASE_URL), including the version path.
     *
     * @return the URL without a trailing slash; default {@code https://api.mailersend.com/v1}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the provider of MAILERSEND_API_KEY, sent as {@code Authorization: Bearer}.
     *
     * @return the provider
     */
    public CredentialProvider apiKey() {
        return apiKey;
    }

    /**
     * Returns the sending domain (MAILERSEND_DOMAIN), e.g. {@code rabaislocal.com}.
     *
     * @return the domain, or empty if not configured
     */
    public Optional<String> domain() {
        return domain;
    }

    /** Masked: never shows the API key. */
    @Override
    public String toString() {
        return "MailerSendSettings{environment=" + environment + ", baseUrl=" + baseUrl + ", apiKey=configured, domain="
                + domain.orElse("absent") + "}";
    }
}
