package com.rabaislocal.sdk.goaffpro.affiliates;

import java.math.BigDecimal;

/**
 * The body of {@code PATCH /admin/affiliates/{id}}: only the fields set are changed. At least one field is
 * required.
 */
public final class AffiliateUpdateParams extends AffiliateProfile {

    private AffiliateUpdateParams(Builder b) {
        super(b);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AffiliateUpdateParams}. */
    public static final class Builder extends AffiliateProfile.Builder<Builder> {
        private Builder() {
        }

        /**
         * Sets the affiliate's own commission rate.
         *
         * @param type {@code percentage}, {@code fixed_amount} or {@code fixed_amount_on_order}
         * @param amount a whole number (GoAffPro refuses decimals here), not negative
         * @param on {@code product} or {@code order}, or null
         * @return this builder
         */
        public Builder commission(String type, BigDecimal amount, String on) {
            if (type == null || !(type.equals("percentage") || type.equals("fixed_amount")
                    || type.equals("fixed_amount_on_order"))) {
                problem("commission.type", "must be percentage, fixed_amount or fixed_amount_on_order, was " + type);
            }
            if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 0) {
                problem("commission.amount", "must be a whole number, not negative (GoAffPro refuses decimals), was "
                        + (amount == null ? null : amount.toPlainString()));
            }
            if (on != null && !(on.equals("product") || on.equals("order"))) {
                problem("commission.on", "must be product or order, was " + on);
            }
            if (type != null && amount != null && amount.stripTrailingZeros().scale() <= 0) {
                com.fasterxml.jackson.databind.node.ObjectNode c = node().putObject("commission").put("type", type)
                        .put("amount", amount.toBigInteger());
                if (on != null) {
                    c.put("on", on);
                }
            }
            return this;
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public AffiliateUpdateParams build() {
            if (node().isEmpty()) {
                problem("body", "set at least one field to change");
            }
            check("affiliate update");
            return new AffiliateUpdateParams(this);
        }
    }
}
