package com.rabaislocal.sdk.goaffpro.rewards;

import com.rabaislocal.sdk.goaffpro.WriteParams;
import java.math.BigDecimal;

/**
 * One reward of {@code POST /admin/rewards} ({@code {"rewards":[...]}}): amount, affiliate and type are required.
 * GoAffPro has no idempotency key; before re-sending, ask {@link RewardService#findForOrder(String)}.
 */
public final class RewardCreateParams extends WriteParams {

    private RewardCreateParams(Builder b) {
        super(b);
    }

    /**
     * Starts a reward.
     *
     * @param affiliateId the affiliate credited
     * @param amount the amount (negative for a clawback)
     * @param type the type
     * @return the builder
     */
    public static Builder builder(String affiliateId, BigDecimal amount, RewardType type) {
        return new Builder().affiliateId(affiliateId).amount(amount).type(type);
    }

    /** Builds {@link RewardCreateParams}. */
    public static final class Builder extends WriteParams.Base<Builder> {
        private Builder() {
        }

        private Builder affiliateId(String affiliateId) {
            return text("affiliate_id", affiliateId);
        }

        private Builder amount(BigDecimal amount) {
            return money("amount", amount, true);
        }

        private Builder type(RewardType type) {
            return text("type", type == null ? null : type.value());
        }

        /**
         * Ties the reward to an order (the dedupe key for a manual retry).
         *
         * @param orderId GoAffPro's order id
         * @return this builder
         */
        public Builder orderId(String orderId) {
            return text("order_id", orderId);
        }

        /**
         * Sets the level in the multi-level network the reward is for (1: the affiliate who referred the order).
         *
         * @param level at least 1; not sent by default
         * @return this builder
         */
        public Builder level(int level) {
            if (level < 1) {
                problem("level", "must be at least 1, was " + level);
                return this;
            }
            node().put("level", level);
            return this;
        }

        /**
         * Sets the status the reward is created with.
         *
         * @param status pending, approved or rejected; null removes it; not sent by default
         * @return this builder
         */
        public Builder status(RewardStatus status) {
            return text("status", status == null ? null : status.value());
        }

        /**
         * Sets free metadata (e.g. the campaign the bonus is for).
         *
         * @param metadata a text
         * @return this builder
         */
        public Builder metadata(String metadata) {
            return text("metadata", metadata);
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public RewardCreateParams build() {
            check("reward", "affiliate_id", "amount", "type");
            return new RewardCreateParams(this);
        }
    }
}
