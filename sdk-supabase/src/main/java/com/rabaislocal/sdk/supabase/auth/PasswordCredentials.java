package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An e-mail address or phone number with a password, for {@link AuthClient#signInWithPassword}. Immutable;
 * {@link #toString()} masks the password.
 */
public final class PasswordCredentials {

    private final String email;
    private final String phone;
    private final Secret password;

    private PasswordCredentials(Builder b) {
        this.email = b.email;
        this.phone = b.phone;
        this.password = b.password;
    }

    /**
     * Credentials for an e-mail sign-in.
     *
     * @param email the e-mail address
     * @param password the password
     * @return the credentials
     * @throws com.rabaislocal.sdk.core.error.ValidationException when either is blank
     */
    public static PasswordCredentials email(String email, Secret password) {
        return builder().email(email).password(password).build();
    }

    /** @return a builder; one of e-mail or phone, and the password, are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().email(email).phone(phone).password(password);
    }

    /** @return the e-mail address, or null */
    public String email() {
        return email;
    }

    /** @return the phone number, or null */
    public String phone() {
        return phone;
    }

    /** @return the password */
    public Secret password() {
        return password;
    }

    /** The wire body; reveals the password, so it goes straight into the request. */
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        AuthValues.putEmailOrPhone(m, email, phone);
        m.put("password", password.reveal());
        return m;
    }

    /** Password masked. */
    @Override
    public String toString() {
        return "PasswordCredentials{" + AuthValues.emailOrPhone(email, phone) + ", password="
                + password + '}';
    }

    /** Builds {@link PasswordCredentials}; {@link #build()} validates. */
    public static final class Builder extends UserFieldBuilders.Contact<Builder> {

        private Builder() {
        }

        /**
         * Validates and builds.
         *
         * @return the credentials
         * @throws com.rabaislocal.sdk.core.error.ValidationException when neither or both of e-mail and phone are
         *     set, or the password is missing
         */
        public PasswordCredentials build() {
            Map<String, List<String>> errors = signInProblems();
            AuthValues.check("PasswordCredentials", errors);
            return new PasswordCredentials(this);
        }
    }
}
