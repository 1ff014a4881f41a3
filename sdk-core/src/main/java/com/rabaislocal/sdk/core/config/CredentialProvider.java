package com.rabaislocal.sdk.core.config;

/**
 * Supplies the current value of a credential. Clients call {@link #current()} once per request instead of keeping
 * the key, so a key rotated in the configuration sources (RabaisLocal rotates API keys every 90 days) is picked up
 * without rebuilding any client. Implementations must be thread-safe and cheap: no I/O on every call.
 *
 * <p>{@link #fixed(Secret)} never changes; {@link SdkConfig#credential(ConfigKey)} re-resolves from the
 * configuration sources at most once per {@link SdkConfig.Builder#refreshInterval(java.time.Duration) refresh
 * interval}.
 */
@FunctionalInterface
public interface CredentialProvider {

    /**
     * Returns the credential to use for the request about to be sent.
     *
     * @return the current secret, never null
     * @throws com.rabaislocal.sdk.core.error.ConfigException if the credential is no longer set or its new value is
     *     invalid (the message names the variable, never the value)
     */
    Secret current();

    /**
     * Returns a provider that always answers the same secret.
     *
     * @param secret the credential; not null
     * @return the provider, whose {@code toString()} is masked
     */
    static CredentialProvider fixed(Secret secret) {
        return new FixedCredential(secret);
    }

    /**
     * Same as {@link #fixed(Secret)}: a provider that always answers the same secret.
     *
     * @param secret the credential; not null
     * @return the provider
     */
    static CredentialProvider of(Secret secret) {
        return fixed(secret);
    }

    /**
     * A provider that always answers the same value.
     *
     * @param value the plain credential; non-blank
     * @return the provider
     */
    static CredentialProvider of(String value) {
        return fixed(Secret.of(value));
    }
}
