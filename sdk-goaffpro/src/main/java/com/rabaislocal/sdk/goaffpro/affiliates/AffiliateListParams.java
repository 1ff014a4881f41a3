package com.rabaislocal.sdk.goaffpro.affiliates;

import com.rabaislocal.sdk.goaffpro.ListParams;
import java.time.Instant;
import java.util.List;

/**
 * Filters of {@code GET /admin/affiliates} (offset paging). Every filter is optional; list filters are sent
 * comma-separated.
 */
public final class AffiliateListParams extends ListParams {

    private AffiliateListParams(Builder b) {
        super(b);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return params with no filter and the default page size */
    public static AffiliateListParams all() {
        return builder().build();
    }

    /** Builds {@link AffiliateListParams}. */
    public static final class Builder extends ListParams.Base<Builder> {
        private Builder() {
        }

        /**
         * Only these ids.
         *
         * @param ids affiliate ids
         * @return this builder
         */
        public Builder ids(List<String> ids) {
            return filter("id", ids);
        }

        /**
         * Only these e-mail addresses.
         *
         * @param emails addresses
         * @return this builder
         */
        public Builder emails(List<String> emails) {
            return filter("email", emails);
        }

        /**
         * Only these referral codes.
         *
         * @param refCodes codes
         * @return this builder
         */
        public Builder refCodes(List<String> refCodes) {
            return filter("ref_code", refCodes);
        }

        /**
         * Only affiliates holding these coupons.
         *
         * @param coupons coupon codes
         * @return this builder
         */
        public Builder coupons(List<String> coupons) {
            return filter("coupon", coupons);
        }

        /**
         * Only this status.
         *
         * @param status pending, approved, invited or rejected
         * @return this builder
         */
        public Builder status(AffiliateStatus status) {
            return filter("status", status == null ? null : status.value());
        }

        /**
         * Only affiliates created in a range.
         *
         * @param min from (inclusive), or null
         * @param max to, or null
         * @return this builder
         */
        public Builder createdBetween(Instant min, Instant max) {
            filter("created_at_min", min);
            return filter("created_at_max", max);
        }

        /**
         * Only affiliates changed in a range.
         *
         * @param min from (inclusive), or null
         * @param max to, or null
         * @return this builder
         */
        public Builder updatedBetween(Instant min, Instant max) {
            filter("updated_at_min", min);
            return filter("updated_at_max", max);
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public AffiliateListParams build() {
            check("affiliate listing");
            return new AffiliateListParams(this);
        }
    }
}
