package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sign-up with e-mail or phone and password, for {@link AuthClient#signUp}. Immutable; {@link #toString()} masks
 * the password.
 */
public final class SignUpParams {

    private final String email;
    private final String phone;
    private final Secret password;
    private final Map<String, Object> data;
    private final String redirectTo;

    private SignUpParams(Builder b) {
        this.email = b.email;
        this.phone = b.phone;
        this.password = b.password;
        this.data = AuthValues.copy(b.data);
        this.redirectTo = b.redirectTo;
    }

    /** @return a builder; one of e-mail or phone, and the password, are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().email(email).phone(phone).password(password).data(data).redirectTo(redirectTo);
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

    /** @return the initial user metadata, empty when none */
    public Map<String, Object> data() {
        return data;
    }

    /** @return where the confirmation link leads, if set */
    public Optional<String> redirectTo() {
        return Optional.ofNullable(redirectTo);
    }

    /** The wire body; reveals the password, so it goes straight into the request. */
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (email != null) {
            m.put("email", email);
        } else {
            m.put("phone", phone);
        }
        m.put("password", password.reveal());
        if (!data.isEmpty()) {
            m.put("data", data);
        }
        return m;
    }

    /** Password masked. */
    @Override
    public String toString() {
        return "SignUpParams{" + (email != null ? "email=" + email : "phone=" + phone) + ", password=" + password
                + ", data=" + data.keySet() + ", redirectTo=" + redirectTo + '}';
    }

    /** Builds {@link SignUpParams}; {@link #build()} validates. */
    public static final class Builder {
        private String email;
        private String phone;
        private Secret password;
        private Map<String, Object> data;
        private String redirectTo;

        private Builder() {
        }

        /** @param email the e-mail address @return this builder */
        public Builder email(String email) {
            this.email = AuthValues.blankToNull(email);
            return this;
        }

        /** @param phone the phone number, E.164 @return this builder */
        public Builder phone(String phone) {
            this.phone = AuthValues.blankToNull(phone);
            return this;
        }

        /** @param password the password @return this builder */
        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        /** @param password the password, wrapped at once in a {@link Secret} @return this builder */
        public Builder password(String password) {
            return password(AuthValues.secretOrNull(password));
        }

        /**
         * Sets the initial user metadata (GoTrue's {@code data}, stored as {@code user_metadata}).
         *
         * @param data JSON-writable values; null for none
         * @return this builder
         */
        public Builder data(Map<String, ?> data) {
            this.data = data == null ? null : new LinkedHashMap<>(data);
            return this;
        }

        /**
         * Sets where the confirmation link leads (sent as {@code ?redirect_to=}); it must be allowed in the
         * project's redirect URLs.
         *
         * @param redirectTo an absolute URL, or null for the project's site URL
         * @return this builder
         */
        public Builder redirectTo(String redirectTo) {
            this.redirectTo = AuthValues.blankToNull(redirectTo);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws com.rabaislocal.sdk.core.error.ValidationException when neither or both of e-mail and phone are
         *     set, or the password is missing
         */
        public SignUpParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            AuthValues.emailXorPhone(errors, email, phone);
            if (password == null) {
                AuthValues.problem(errors, "password", "is required");
            }
            AuthValues.check("SignUpParams", errors);
            return new SignUpParams(this);
        }
    }
}
