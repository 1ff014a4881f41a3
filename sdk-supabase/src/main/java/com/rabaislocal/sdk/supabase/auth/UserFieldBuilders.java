package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The setters the Auth parameter builders share, layered by what each parameter type takes: an e-mail address;
 * then a password; then a phone number; then what only an administrator sets on a user. Each setter normalises
 * its value once (blank text is unset, a password is wrapped in a {@link Secret} at once, metadata is copied).
 */
final class UserFieldBuilders {

    private UserFieldBuilders() {
    }

    /**
     * A builder taking an e-mail address.
     *
     * @param <B> the concrete builder type
     */
    abstract static class Email<B extends Email<B>> {
        String email;

        Email() {
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /**
         * Sets the e-mail address (for an update, the new one).
         *
         * @param email the address; blank counts as unset
         * @return this builder
         */
        public B email(String email) {
            this.email = AuthValues.blankToNull(email);
            return self();
        }
    }

    /**
     * A builder taking an e-mail address and a password.
     *
     * @param <B> the concrete builder type
     */
    abstract static class Password<B extends Password<B>> extends Email<B> {
        Secret password;

        Password() {
        }

        /**
         * Sets the password (for an update, the new one); the type's {@code build()} says when it is required.
         *
         * @param password the password, or null for none
         * @return this builder
         */
        public B password(Secret password) {
            this.password = password;
            return self();
        }

        /**
         * Sets the password from text, wrapped at once in a {@link Secret}.
         *
         * @param password the password; blank counts as unset
         * @return this builder
         */
        public B password(String password) {
            return password(AuthValues.secretOrNull(password));
        }
    }

    /**
     * A builder taking an e-mail address or a phone number, and a password.
     *
     * @param <B> the concrete builder type
     */
    abstract static class Contact<B extends Contact<B>> extends Password<B> {
        String phone;

        Contact() {
        }

        /**
         * Sets the phone number (for an update, the new one).
         *
         * @param phone the number, E.164; blank counts as unset
         * @return this builder
         */
        public B phone(String phone) {
            this.phone = AuthValues.blankToNull(phone);
            return self();
        }

        /** Records the problems of a sign-in or sign-up: exactly one of e-mail and phone, and a password. */
        final Map<String, List<String>> signInProblems() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            AuthValues.emailXorPhone(errors, email, phone);
            if (password == null) {
                AuthValues.problem(errors, "password", "is required");
            }
            return errors;
        }
    }

    /**
     * A builder for what an administrator sets on a user: contact, password, confirmation flags and both kinds of
     * metadata.
     *
     * @param <B> the concrete builder type
     */
    abstract static class AdminUser<B extends AdminUser<B>> extends Contact<B> {
        Boolean emailConfirm;
        Boolean phoneConfirm;
        Map<String, Object> userMetadata;
        Map<String, Object> appMetadata;

        AdminUser() {
        }

        /**
         * Marks the e-mail address confirmed, so no confirmation mail is needed.
         *
         * @param emailConfirm true to confirm; null leaves it as it is (unconfirmed for a new user)
         * @return this builder
         */
        public B emailConfirm(Boolean emailConfirm) {
            this.emailConfirm = emailConfirm;
            return self();
        }

        /**
         * Marks the phone number confirmed.
         *
         * @param phoneConfirm true to confirm; null leaves it as it is (unconfirmed for a new user)
         * @return this builder
         */
        public B phoneConfirm(Boolean phoneConfirm) {
            this.phoneConfirm = phoneConfirm;
            return self();
        }

        /**
         * Sets the user metadata, which the user may edit (on an update, keys merged in; a null value removes a
         * key).
         *
         * @param userMetadata JSON-writable values; null for none
         * @return this builder
         */
        public B userMetadata(Map<String, ?> userMetadata) {
            this.userMetadata = AuthValues.mutableCopy(userMetadata);
            return self();
        }

        /**
         * Sets the app metadata, which only the service role may edit (roles, tenant); on an update, keys are
         * merged in and a null value removes a key.
         *
         * @param appMetadata JSON-writable values; null for none
         * @return this builder
         */
        public B appMetadata(Map<String, ?> appMetadata) {
            this.appMetadata = AuthValues.mutableCopy(appMetadata);
            return self();
        }

    }
}
