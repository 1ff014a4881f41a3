package com.rabaislocal.sdk.goaffpro.affiliates;

import com.rabaislocal.sdk.goaffpro.WriteParams;

/**
 * The profile fields an affiliate is created or updated with, shared by {@link AffiliateCreateParams} and
 * {@link AffiliateUpdateParams}. Every setter takes null to leave the field out.
 */
public abstract class AffiliateProfile extends WriteParams {

    /**
     * Copies a validated builder.
     *
     * @param b the builder
     */
    protected AffiliateProfile(Builder<?> b) {
        super(b);
    }

    /**
     * The profile setters.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> extends WriteParams.Base<B> {

        /** Starts a builder. */
        protected Builder() {
        }

        /**
         * Sets the e-mail address.
         *
         * @param email an address with an {@code @}
         * @return this builder
         */
        public B email(String email) {
            if (email != null && (email.strip().indexOf('@') < 1 || email.strip().endsWith("@"))) {
                problem("email", "is not an e-mail address");
            }
            return text("email", email);
        }

        /**
         * Sets the full name.
         *
         * @param name the name
         * @return this builder
         */
        public B name(String name) {
            return text("name", name);
        }

        /**
         * Sets the first name.
         *
         * @param firstName the first name
         * @return this builder
         */
        public B firstName(String firstName) {
            return text("first_name", firstName);
        }

        /**
         * Sets the last name.
         *
         * @param lastName the last name
         * @return this builder
         */
        public B lastName(String lastName) {
            return text("last_name", lastName);
        }

        /**
         * Sets the phone number.
         *
         * @param phone the number
         * @return this builder
         */
        public B phone(String phone) {
            return text("phone", phone);
        }

        /**
         * Sets the company name.
         *
         * @param companyName the company (a merchant's partner business)
         * @return this builder
         */
        public B companyName(String companyName) {
            return text("company_name", companyName);
        }

        /**
         * Sets the website.
         *
         * @param website the URL
         * @return this builder
         */
        public B website(String website) {
            return text("website", website);
        }

        /**
         * Sets the referral code.
         *
         * @param refCode the code, letters, digits, {@code -} and {@code _}
         * @return this builder
         */
        public B refCode(String refCode) {
            if (refCode != null && !refCode.strip().matches("[A-Za-z0-9_-]+")) {
                problem("ref_code", "must be letters, digits, '-' or '_'");
            }
            return text("ref_code", refCode);
        }

        /**
         * Sets the postal address.
         *
         * @param address1 first line
         * @param city city
         * @param state state or province code
         * @param zip postal code
         * @param country country code, e.g. {@code CA}
         * @return this builder
         */
        public B address(String address1, String city, String state, String zip, String country) {
            text("address_1", address1);
            text("city", city);
            text("state", state);
            text("zip", zip);
            return text("country", country);
        }

        /**
         * Sets the merchant's note (not shown to the affiliate).
         *
         * @param adminNote the note
         * @return this builder
         */
        public B adminNote(String adminNote) {
            return text("admin_note", adminNote);
        }

        /**
         * Sets one of the three free fields.
         *
         * @param n 1, 2 or 3
         * @param value the value
         * @return this builder
         */
        public B extra(int n, String value) {
            if (n < 1 || n > 3) {
                problem("extra", "must be extra_1, extra_2 or extra_3, was extra_" + n);
                return self();
            }
            return text("extra_" + n, value);
        }

        /**
         * Sets the status.
         *
         * @param status {@link AffiliateStatus#APPROVED}, {@link AffiliateStatus#PENDING} or
         *     {@link AffiliateStatus#REJECTED} (the statuses GoAffPro accepts on a write)
         * @return this builder
         */
        public B status(AffiliateStatus status) {
            if (status != null && !(status.equals(AffiliateStatus.APPROVED) || status.equals(AffiliateStatus.PENDING)
                    || status.equals(AffiliateStatus.REJECTED))) {
                problem("status", "must be approved, pending or rejected, was " + status);
                return self();
            }
            return text("status", status == null ? null : status.value());
        }
    }
}
