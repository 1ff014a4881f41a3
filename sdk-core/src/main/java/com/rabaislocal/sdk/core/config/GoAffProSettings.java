package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * What {@code sdk-goaffpro} needs, validated. Obtain it with {@link SdkConfig#goAffPro()}.
 *
 * <p>{@link #baseUrl()} is GOAFFPRO_BASE_URL, default {@code https://api.goaffpro.com/v1}; {@link #apiKey()} is
 * GOAFFPRO_API_KEY, the admin access token sent as {@code x-goaffpro-access-token}. {@link #toString()} never
 * shows the token.
 */
public final class GoAffProSettings extends ApiKeySettings {

    GoAffProSettings(RabaisEnvironment environment, URI baseUrl, CredentialProvider apiKey,
                     Optional<String> programId) {
        super(environment, baseUrl, apiKey, "programId", programId);
    }

    /**
     * Returns the program (store) id (GOAFFPRO_PROGRAM_ID).
     *
     * @return the id, or empty if not configured
     */
    public Optional<String> programId() {
        return option();
    }
}
