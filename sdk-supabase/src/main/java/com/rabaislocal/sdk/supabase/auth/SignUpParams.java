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
        AuthValues.putEmailOrPhone(m, email, phone);
        m.put("password", password.reveal());
        if (!data.isEmpty()) {
            m.put("data", data);
        }
        return m;
    }

    /** Password masked. */
    @Override
    public String toString() {
        return "SignUpParams{" + AuthValues.emailOrPhone(email, phone) + ", password=" + password
                + ", data=" + data.keySet() + ", redirectTo=" + redirectTo + '}';
    }

    /** Builds {@link SignUpParams}; {@link #build()} validates. */
    public static final class Builder extends UserFieldBuilders.Contact<Builder> {
        private Map<String, Object> data;
        private String redirectTo;

        private Builder() {
        }

        /**
         * Sets the initial user metadata (GoTrue's {@code data}, stored as {@code user_metadata}).
         *
         * @param data JSON-writable values; null for none
         * @return this builder
         */
        public Builder data(Map<String, ?> data) {
            this.data = AuthValues.mutableCopy(data);
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
            Map<String, List<String>> errors = signInProblems();
            AuthValues.check("SignUpParams", errors);
            return new SignUpParams(this);
        }
    }
}
