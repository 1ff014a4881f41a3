package com.rabaislocal.sdk.supabase.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An invitation by e-mail ({@link AuthAdminClient#inviteUserByEmail}). Immutable. */
public final class UserInviteParams {

    private final String email;
    private final Map<String, Object> data;
    private final String redirectTo;

    private UserInviteParams(Builder b) {
        this.email = b.email;
        this.data = AuthValues.copy(b.data);
        this.redirectTo = b.redirectTo;
    }

    /**
     * An invitation with no metadata, leading to the project's site URL.
     *
     * @param email the address to invite
     * @return the parameters
     * @throws com.rabaislocal.sdk.core.error.ValidationException when the address is blank
     */
    public static UserInviteParams of(String email) {
        return builder().email(email).build();
    }

    /** @return a builder; the e-mail address is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().email(email).data(data).redirectTo(redirectTo);
    }

    /** @return the invited address */
    public String email() {
        return email;
    }

    /** @return the user metadata to store, empty when none */
    public Map<String, Object> data() {
        return data;
    }

    /** @return where the invitation link leads, if set */
    public Optional<String> redirectTo() {
        return Optional.ofNullable(redirectTo);
    }

    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", email);
        if (!data.isEmpty()) {
            m.put("data", data);
        }
        return m;
    }

    @Override
    public String toString() {
        return "UserInviteParams{email=" + email + ", data=" + data.keySet() + ", redirectTo=" + redirectTo + '}';
    }

    /** Builds {@link UserInviteParams}; {@link #build()} validates. */
    public static final class Builder extends UserFieldBuilders.Email<Builder> {
        private Map<String, Object> data;
        private String redirectTo;

        private Builder() {
        }

        /**
         * Sets data.
         *
         * @param data user metadata to store on the invited user; null for none
         * @return this builder
         */
        public Builder data(Map<String, ?> data) {
            this.data = AuthValues.mutableCopy(data);
            return this;
        }

        /**
         * Sets where the invitation link leads (sent as {@code ?redirect_to=}); it must be allowed in the project's
         * redirect URLs.
         *
         * @param redirectTo an absolute URL, or null for the site URL
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
         * @throws com.rabaislocal.sdk.core.error.ValidationException when the address is missing
         */
        public UserInviteParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (email == null) {
                AuthValues.problem(errors, "email", "is required");
            }
            AuthValues.check("UserInviteParams", errors);
            return new UserInviteParams(this);
        }
    }
}
