package com.rabaislocal.sdk.core.config;

/** The one way configuration reports show a credential: presence, fingerprint and length, never the value. */
final class Masking {

    private Masking() {
    }

    static String describe(Secret secret) {
        return "set (fingerprint " + secret.fingerprint() + ", " + secret.length() + " chars)";
    }
}
