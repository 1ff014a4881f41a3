package com.rabaislocal.sdk.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A credential (API key, token, password) that never prints its value: {@link #toString()} is masked, and the SDK
 * only calls {@link #reveal()} at the moment it writes a request header.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a credential.
     *
     * @param value the credential; not null or blank
     * @return the wrapped secret
     * @throws IllegalArgumentException if the value is null or blank
     */
    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be null or blank");
        }
        return new Secret(value);
    }

    /**
     * Returns the credential itself. Call it only to put the value on the wire; never log or concatenate it.
     *
     * @return the plain value
     */
    public String reveal() {
        return value;
    }

    /**
     * Returns a short, non-reversible fingerprint (first 8 hex digits of SHA-256), enough to tell two keys apart in a
     * diagnosis without exposing either.
     *
     * @return the fingerprint
     */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** @return the length of the credential, useful in diagnostics */
    public int length() {
        return value.length();
    }

    /** Masked: never contains the value. */
    @Override
    public String toString() {
        return "Secret[redacted]";
    }

    /** Secrets compare by value, in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), ((Secret) o).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Objects.hash(fingerprint());
    }
}
