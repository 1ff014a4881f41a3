package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link AuthAdminClient#generateLink} should create: the link type, the user's address, and what that type
 * needs (a password for {@link LinkType#SIGNUP}, the new address for the e-mail change types). Immutable;
 * {@link #toString()} masks the password.
 */
public final class LinkGenerateParams {

    private final LinkType type;
    private final String email;
    private final Secret password;
    private final String newEmail;
    private final Map<String, Object> data;
    private final String redirectTo;

    private LinkGenerateParams(Builder b) {
        this.type = b.type;
        this.email = b.email;
        this.password = b.password;
        this.newEmail = b.newEmail;
        this.data = AuthValues.copy(b.data);
        this.redirectTo = b.redirectTo;
    }

    /** @return a builder; type and e-mail are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().type(type).email(email).password(password).newEmail(newEmail).data(data)
                .redirectTo(redirectTo);
    }

    /** @return the link type */
    public LinkType type() {
        return type;
    }

    /** @return the user's e-mail address */
    public String email() {
        return email;
    }

    /** @return the new address, for the e-mail change types; otherwise null */
    public String newEmail() {
        return newEmail;
    }

    /** @return where the link leads, if set */
    public Optional<String> redirectTo() {
        return Optional.ofNullable(redirectTo);
    }

    /** The wire body; reveals the password, so it goes straight into the request. */
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type.wireValue());
        m.put("email", email);
        AuthValues.putIfSet(m, "password", AuthValues.revealOrNull(password));
        AuthValues.putIfSet(m, "new_email", newEmail);
        if (!data.isEmpty()) {
            m.put("data", data);
        }
        return m;
    }

    /** Password masked. */
    @Override
    public String toString() {
        return "LinkGenerateParams{type=" + type + ", email=" + email + ", password="
                + (password == null ? "none" : password) + ", newEmail=" + newEmail + ", data=" + data.keySet()
                + ", redirectTo=" + redirectTo + '}';
    }

    /** Builds {@link LinkGenerateParams}; {@link #build()} validates. */
    public static final class Builder extends UserFieldBuilders.Password<Builder> {
        private LinkType type;
        private String newEmail;
        private Map<String, Object> data;
        private String redirectTo;

        private Builder() {
        }

        /**
         * Sets type.
         *
         * @param type the link type
         * @return this builder
         */
        public Builder type(LinkType type) {
            this.type = type;
            return this;
        }

        /**
         * Sets newEmail.
         *
         * @param newEmail the new address, required for the e-mail change types
         * @return this builder
         */
        public Builder newEmail(String newEmail) {
            this.newEmail = AuthValues.blankToNull(newEmail);
            return this;
        }

        /**
         * Sets data.
         *
         * @param data user metadata for sign-up and invite links; null for none
         * @return this builder
         */
        public Builder data(Map<String, ?> data) {
            this.data = AuthValues.mutableCopy(data);
            return this;
        }

        /**
         * Sets where the link leads (sent as {@code ?redirect_to=}); it must be allowed in the project's redirect
         * URLs.
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
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming what the type needs and is missing
         */
        public LinkGenerateParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (type == null) {
                AuthValues.problem(errors, "type", "is required");
            }
            if (email == null) {
                AuthValues.problem(errors, "email", "is required");
            }
            if (type == LinkType.SIGNUP && password == null) {
                AuthValues.problem(errors, "password", "is required for a signup link");
            }
            boolean change = type == LinkType.EMAIL_CHANGE_CURRENT || type == LinkType.EMAIL_CHANGE_NEW;
            if (change && newEmail == null) {
                AuthValues.problem(errors, "newEmail", "is required for an e-mail change link");
            }
            if (!change && newEmail != null) {
                AuthValues.problem(errors, "newEmail", "applies only to the e-mail change links");
            }
            AuthValues.check("LinkGenerateParams", errors);
            return new LinkGenerateParams(this);
        }
    }
}
