package com.rabaislocal.sdk.mailersend.emails;

import java.util.Objects;

/**
 * An address with an optional display name ({@code {"email": ..., "name": ...}} on the wire). The address is
 * checked by the params that use it, so every bad address is reported at once.
 *
 * @param email the address, e.g. {@code client@example.com}
 * @param name the display name, or null
 */
public record Recipient(String email, String name) {

    /**
     * @param email the address
     * @return a recipient without a display name
     */
    public static Recipient of(String email) {
        return new Recipient(email, null);
    }

    /**
     * @param email the address
     * @param name the display name, or null
     * @return the recipient
     */
    public static Recipient of(String email, String name) {
        return new Recipient(email, name);
    }

    /** Masks the address: {@code c***@example.com}. */
    @Override
    public String toString() {
        return "Recipient[" + Addresses.redact(email) + (name == null ? "" : ", name set") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recipient && Objects.equals(email, ((Recipient) o).email)
                && Objects.equals(name, ((Recipient) o).name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(email, name);
    }
}
