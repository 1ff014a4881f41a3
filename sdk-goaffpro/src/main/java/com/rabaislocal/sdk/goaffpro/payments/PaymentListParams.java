package com.rabaislocal.sdk.goaffpro.payments;

import com.rabaislocal.sdk.goaffpro.ListParams;
import java.time.Instant;
import java.util.List;

/** Filters of {@code GET /admin/payments} (offset paging). */
public final class PaymentListParams extends ListParams {

    private PaymentListParams(Builder b) {
        super(b);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PaymentListParams}. */
    public static final class Builder extends ListParams.Base<Builder> {
        private Builder() {
        }

        /**
         * Only these ids.
         *
         * @param ids payment ids
         * @return this builder
         */
        public Builder ids(List<String> ids) {
            return filter("id", ids);
        }

        /**
         * Only this affiliate's payouts.
         *
         * @param affiliateId the affiliate
         * @return this builder
         */
        public Builder affiliateId(String affiliateId) {
            return filter("affiliate_id", affiliateId);
        }

        /**
         * Only payouts made in a range.
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
        public PaymentListParams build() {
            check("payment listing");
            return new PaymentListParams(this);
        }
    }
}
