package com.rabaislocal.sdk.goaffpro.rewards;

import com.rabaislocal.sdk.goaffpro.ListParams;
import java.time.Instant;
import java.util.List;

/** Filters of {@code GET /admin/rewards} (keyset paging on {@code since_id}: the endpoint has no offset). */
public final class RewardListParams extends ListParams {

    private RewardListParams(Builder b) {
        super(b);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RewardListParams}. */
    public static final class Builder extends ListParams.Base<Builder> {
        private Builder() {
        }

        /**
         * Only these ids.
         *
         * @param ids reward ids
         * @return this builder
         */
        public Builder ids(List<String> ids) {
            return filter("id", ids);
        }

        /**
         * Only this affiliate's rewards.
         *
         * @param affiliateId the affiliate
         * @return this builder
         */
        public Builder affiliateId(String affiliateId) {
            return filter("affiliate_id", affiliateId);
        }

        /**
         * Only this type.
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(RewardType type) {
            return filter("type", type == null ? null : type.value());
        }

        /**
         * Only this status.
         *
         * @param status the status
         * @return this builder
         */
        public Builder status(RewardStatus status) {
            return filter("status", status == null ? null : status.value());
        }

        /**
         * Only rewards for this order.
         *
         * @param orderId GoAffPro's order id
         * @return this builder
         */
        public Builder orderId(String orderId) {
            return filter("order_id", orderId);
        }

        /**
         * Only rewards credited in a range.
         *
         * @param min from, or null
         * @param max to, or null
         * @return this builder
         */
        public Builder createdBetween(Instant min, Instant max) {
            filter("created_at_min", min);
            return filter("created_at_max", max);
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public RewardListParams build() {
            check("reward listing");
            return new RewardListParams(this);
        }
    }
}
