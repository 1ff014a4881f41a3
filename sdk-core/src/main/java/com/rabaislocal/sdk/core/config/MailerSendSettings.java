package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * What {@code sdk-mailersend} needs, validated. Obtain it with {@link SdkConfig#mailerSend()}.
 *
 * <p>{@link #baseUrl()} is MAILERSEND_BASE_URL, default {@code https://api.mailersend.com/v1};
 * {@link #apiKey()} is MAILERSEND_API_KEY, sent as {@code Authorization: Bearer}. {@link #toString()} never shows
 * the key.
 */
public final class MailerSendSettings extends ApiKeySettings {

    MailerSendSettings(RabaisEnvironment environment, URI baseUrl, CredentialProvider apiKey, Optional<String> domain) {
        super(environment, baseUrl, apiKey, "domain", domain);
    }

    /**
     * Returns the sending domain (MAILERSEND_DOMAIN), e.g. {@code rabaislocal.com}.
     *
     * @return the domain, or empty if not configured
     */
    public Optional<String> domain() {
        return option();
    }
}
