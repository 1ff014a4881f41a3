package com.rabaislocal.sdk.goaffpro.affiliates;

import com.rabaislocal.sdk.core.config.Secret;
import java.math.BigDecimal;

/**
 * The body of {@code POST /admin/affiliates}: {@code email} is required; the rest is optional. Built with
 * {@link #builder()}; {@link Builder#build()} checks every field at once.
 */
public final class AffiliateCreateParams extends AffiliateProfile {

    private AffiliateCreateParams(Builder b) {
        super(b);
    }

    /** @return a builder; {@link Builder#email(String)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the e-mail address the affiliate is created with */
    public String email() {
        return get("email").asText();
    }

    /** Builds {@link AffiliateCreateParams}. */
    public static final class Builder extends AffiliateProfile.Builder<Builder> {
        private Builder() {
        }

        /**
         * Sets the dashboard password (GoAffPro e-mails an invitation when none is given).
         *
         * @param password at least 6 characters; never shown by {@code toString}
         * @return this builder
         */
        public Builder password(Secret password) {
            if (password != null && password.length() < 6) {
                problem("password", "must be at least 6 characters");
                return this;
            }
            return text("password", password == null ? null : password.reveal());
        }

        /**
         * Gives the affiliate a coupon created in the store with the given discount.
         *
         * @param discountType {@code percentage}, {@code fixed_amount} or {@code free_shipping}
         * @param discountValue the discount, not negative
         * @return this builder
         */
        public Builder coupon(String discountType, BigDecimal discountValue) {
            if (discountType == null || discountValue == null) {
                problem("coupon", "needs a discount type and a value");
                return this;
            }
            if (discountValue.signum() < 0) {
                problem("coupon", "discount must not be negative");
                return this;
            }
            node().putObject("coupon").put("discount_type", discountType).put("discount_value", discountValue);
            return this;
        }

        /**
         * Places the affiliate under a parent in the multi-level network.
         *
         * @param parentEmail the parent affiliate's e-mail address
         * @return this builder
         */
        public Builder parentEmail(String parentEmail) {
            return text("parent_email", parentEmail);
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public AffiliateCreateParams build() {
            check("affiliate", "email");
            return new AffiliateCreateParams(this);
        }
    }
}
