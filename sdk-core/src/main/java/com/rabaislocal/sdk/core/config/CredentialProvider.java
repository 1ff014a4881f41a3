package com.rabaislocal.sdk.core.config;

/**
 * Supplies the current value of a credential. Clients ask for it on every request, so a key rotated in its source
 * (every 90 days on RabaisLocal) is used without rebuilding any client. Implementations must be cheap and
 * thread-safe.
 */
@FunctionalInterface
public interface CredentialProvider {

    /**
     * Returns the credential to use now.
     *
     * @return the current secret, never null
     * @throws com.rabaislocal.sdk.core.error.ConfigException when the credential is no longer available
     */
    Secret current();

    /**
     * A provider that always returns the same secret.
     *
     * @param secret the secret
     * @return the fixed provider
     */
    static CredentialProvider of(Secret secret) {
        java.util.Objects.requireNonNull(secret, "secret");
        return () -> secret;
    }

    /**
     * A provider that always returns the same value.
     *
     * @param value the plain credential, non-blank
     * @return the fixed provider
     */
    static CredentialProvider of(String value) {
        return of(Secret.of(value));
    }
}
