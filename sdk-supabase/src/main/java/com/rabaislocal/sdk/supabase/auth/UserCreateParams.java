package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user created by an administrator ({@link AuthAdminClient#createUser}). Immutable; {@link #toString()} masks the
 * password. Without a password the user signs in by magic link, OTP or a link from
 * {@link AuthAdminClient#generateLink}.
 */
public final class UserCreateParams {

    private final String email;
    private final String phone;
    private final Secret password;
    private final Boolean emailConfirm;
    private final Boolean phoneConfirm;
    private final Map<String, Object> userMetadata;
    private final Map<String, Object> appMetadata;

    private UserCreateParams(Builder b) {
        this.email = b.email;
        this.phone = b.phone;
        this.password = b.password;
        this.emailConfirm = b.emailConfirm;
        this.phoneConfirm = b.phoneConfirm;
        this.userMetadata = AuthValues.copy(b.userMetadata);
        this.appMetadata = AuthValues.copy(b.appMetadata);
    }

    /** @return a builder; an e-mail address or a phone number is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().email(email).phone(phone).password(password).emailConfirm(emailConfirm)
                .phoneConfirm(phoneConfirm).userMetadata(userMetadata).appMetadata(appMetadata);
    }

    /** @return the e-mail address, or null */
    public String email() {
        return email;
    }

    /** @return the phone number, or null */
    public String phone() {
        return phone;
    }

    /** @return the password, or null */
    public Secret password() {
        return password;
    }

    /** @return the user metadata, empty when none */
    public Map<String, Object> userMetadata() {
        return userMetadata;
    }

    /** @return the app metadata, empty when none */
    public Map<String, Object> appMetadata() {
        return appMetadata;
    }

    /** The wire body; reveals the password, so it goes straight into the request. */
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        AuthValues.putUserFields(m, email, phone, password, emailConfirm, phoneConfirm);
        if (!userMetadata.isEmpty()) {
            m.put("user_metadata", userMetadata);
        }
        if (!appMetadata.isEmpty()) {
            m.put("app_metadata", appMetadata);
        }
        return m;
    }

    /** Password masked. */
    @Override
    public String toString() {
        return "UserCreateParams{email=" + email + ", phone=" + phone + ", password="
                + (password == null ? "none" : password) + ", emailConfirm=" + emailConfirm + ", phoneConfirm="
                + phoneConfirm + ", userMetadata=" + userMetadata.keySet() + ", appMetadata=" + appMetadata.keySet()
                + '}';
    }

    /** Builds {@link UserCreateParams}; {@link #build()} validates. */
    public static final class Builder extends UserFieldBuilders.AdminUser<Builder> {

        private Builder() {
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws com.rabaislocal.sdk.core.error.ValidationException when neither e-mail nor phone is set
         */
        public UserCreateParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (email == null && phone == null) {
                AuthValues.problem(errors, "email/phone", "an email or a phone is required");
            }
            AuthValues.check("UserCreateParams", errors);
            return new UserCreateParams(this);
        }
    }
}
