package com.rabaislocal.sdk.goaffpro.payments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.rabaislocal.sdk.goaffpro.WriteParams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One payout of {@code POST /admin/payments} ({@code {"payments":[...]}}), which records that an affiliate was
 * paid: affiliate and amount are required. GoAffPro has no idempotency key; the SDK sends it once.
 */
public final class PaymentCreateParams extends WriteParams {

    private PaymentCreateParams(Builder b) {
        super(b);
    }

    /**
     * Starts a payout.
     *
     * @param affiliateId the affiliate paid
     * @param amount the amount paid, positive
     * @return the builder
     */
    public static Builder builder(String affiliateId, BigDecimal amount) {
        return new Builder(affiliateId, amount);
    }

    /** Builds {@link PaymentCreateParams}. */
    public static final class Builder extends WriteParams.Base<Builder> {
        private Builder(String affiliateId, BigDecimal amount) {
            text("affiliate_id", affiliateId);
            if (amount != null && amount.signum() == 0) {
                problem("amount", "must be positive");
            }
            money("amount", amount, false);
        }

        /**
         * Sets when it was paid (default: now, by GoAffPro's clock).
         *
         * @param paidAt the instant, sent as ISO-8601 UTC
         * @return this builder
         */
        public Builder paidAt(Instant paidAt) {
            return date("created_at", paidAt);
        }

        /**
         * Sets the message shown to the affiliate.
         *
         * @param message the text
         * @return this builder
         */
        public Builder affiliateMessage(String message) {
            return text("affiliate_message", message);
        }

        /**
         * Sets the merchant's note.
         *
         * @param note the text
         * @return this builder
         */
        public Builder adminNote(String note) {
            return text("admin_note", note);
        }

        /**
         * Sets how it was paid.
         *
         * @param method e.g. {@code paypal}, {@code bank_transfer}
         * @return this builder
         */
        public Builder paymentMethod(String method) {
            return text("payment_method", method);
        }

        /**
         * Names the ledger transactions this payout settles.
         *
         * @param txIds transaction ids
         * @return this builder
         */
        public Builder transactionIds(List<String> txIds) {
            ArrayNode a = node().putArray("tx_ids");
            txIds.forEach(a::add);
            return this;
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public PaymentCreateParams build() {
            check("payment", "affiliate_id", "amount");
            return new PaymentCreateParams(this);
        }
    }
}
