package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.Secret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to a user made by an administrator ({@link AuthAdminClient#updateUserById}). Only the fields set are
 * sent. GoTrue merges metadata: keys not given keep their values, a key set to null is removed. Immutable;
 * {@link #toString()} masks the password.
 */
public final class UserUpdateParams {

    private final String email;
    private final String phone;
    private final Secret password;
    private final Boolean emailConfirm;
    private final Boolean phoneConfirm;
    private final Map<String, Object> userMetadata;
    private final Map<String, Object> appMetadata;
    private final String banDuration;
    private final String role;

    private UserUpdateParams(Builder b) {
        this.email = b.email;
        this.phone = b.phone;
        this.password = b.password;
        this.emailConfirm = b.emailConfirm;
        this.phoneConfirm = b.phoneConfirm;
        this.userMetadata = b.userMetadata == null ? null : AuthValues.copy(b.userMetadata);
        this.appMetadata = b.appMetadata == null ? null : AuthValues.copy(b.appMetadata);
        this.banDuration = b.banDuration;
        this.role = b.role;
    }

    /** @return a builder; at least one change is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        Builder b = new Builder().email(email).phone(phone).password(password).emailConfirm(emailConfirm)
                .phoneConfirm(phoneConfirm).userMetadata(userMetadata).appMetadata(appMetadata).role(role);
        b.banDuration = banDuration;
        return b;
    }

    /** @return the new e-mail address, or null to keep it */
    public String email() {
        return email;
    }

    /** @return the new phone number, or null to keep it */
    public String phone() {
        return phone;
    }

    /** @return the new password, or null to keep it */
    public Secret password() {
        return password;
    }

    /** @return the ban duration as sent ({@code 3600s}, or {@code none} to lift a ban), or null to keep it */
    public String banDuration() {
        return banDuration;
    }

    /** The wire body; reveals the password, so it goes straight into the request. */
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        AuthValues.putUserFields(m, email, phone, password, emailConfirm, phoneConfirm);
        AuthValues.putIfSet(m, "user_metadata", userMetadata);
        AuthValues.putIfSet(m, "app_metadata", appMetadata);
        AuthValues.putIfSet(m, "ban_duration", banDuration);
        AuthValues.putIfSet(m, "role", role);
        return m;
    }

    /** Password masked. */
    @Override
    public String toString() {
        return "UserUpdateParams{email=" + email + ", phone=" + phone + ", password="
                + (password == null ? "unchanged" : password) + ", emailConfirm=" + emailConfirm + ", phoneConfirm="
                + phoneConfirm + ", userMetadata=" + (userMetadata == null ? null : userMetadata.keySet())
                + ", appMetadata=" + (appMetadata == null ? null : appMetadata.keySet()) + ", banDuration="
                + banDuration + ", role=" + role + '}';
    }

    /** Builds {@link UserUpdateParams}; {@link #build()} validates. */
    public static final class Builder extends UserFieldBuilders.AdminUser<Builder> {
        private String banDuration;
        private String role;

        private Builder() {
        }

        /**
         * Bans the user for a while: sign-ins and refreshes fail until it ends.
         *
         * @param duration positive, whole seconds (sent as e.g. {@code 86400s})
         * @return this builder
         */
        public Builder ban(Duration duration) {
            this.banDuration = duration == null ? null : duration.toSeconds() + "s";
            return this;
        }

        /**
         * Lifts a ban (sends {@code ban_duration: "none"}).
         *
         * @return this builder
         */
        public Builder unban() {
            this.banDuration = "none";
            return this;
        }

        /**
         * Sets role.
         *
         * @param role the database role to give the user, e.g. {@code authenticated}
         * @return this builder
         */
        public Builder role(String role) {
            this.role = AuthValues.blankToNull(role);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws com.rabaislocal.sdk.core.error.ValidationException when nothing would change or a ban is not
         *     positive
         */
        public UserUpdateParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (email == null && phone == null && password == null && emailConfirm == null && phoneConfirm == null
                    && userMetadata == null && appMetadata == null && banDuration == null && role == null) {
                AuthValues.problem(errors, "update", "set at least one field to change");
            }
            if (banDuration != null && !"none".equals(banDuration) && !banDuration.matches("[1-9][0-9]*s")) {
                AuthValues.problem(errors, "ban", "must be at least one second, was " + banDuration);
            }
            AuthValues.check("UserUpdateParams", errors);
            return new UserUpdateParams(this);
        }
    }
}
