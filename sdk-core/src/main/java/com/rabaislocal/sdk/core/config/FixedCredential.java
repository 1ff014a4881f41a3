package com.rabaislocal.sdk.core.config;

import java.util.Objects;

/** The constant provider behind {@link CredentialProvider#fixed(Secret)}. */
final class FixedCredential implements CredentialProvider {

    private final Secret secret;

    FixedCredential(Secret secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    @Override
    public Secret current() {
        return secret;
    }

    @Override
    public String toString() {
        return "CredentialProvider.fixed[" + Masking.describe(secret) + "]";
    }
}
