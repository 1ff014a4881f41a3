package com.rabaislocal.sdk.goaffpro.orders;

import com.rabaislocal.sdk.goaffpro.ListParams;
import java.time.Instant;
import java.util.List;

/**
 * Filters of {@code GET /admin/orders} (keyset paging on {@code since_id}: the endpoint has no {@code offset}).
 */
public final class OrderListParams extends ListParams {

    private OrderListParams(Builder b) {
        super(b);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return params with no filter and the default page size */
    public static OrderListParams all() {
        return builder().build();
    }

    /** Builds {@link OrderListParams}. */
    public static final class Builder extends ListParams.Base<Builder> {
        private Builder() {
        }

        /**
         * Only these GoAffPro order ids.
         *
         * @param ids ids
         * @return this builder
         */
        public Builder ids(List<String> ids) {
            return filter("id", ids);
        }

        /**
         * Only these store order numbers.
         *
         * @param numbers numbers
         * @return this builder
         */
        public Builder numbers(List<String> numbers) {
            return filter("number", numbers);
        }

        /**
         * Only orders of this customer.
         *
         * @param email the customer's address
         * @return this builder
         */
        public Builder customerEmail(String email) {
            return filter("customer_email", email);
        }

        /**
         * Only orders credited to this affiliate.
         *
         * @param affiliateId the affiliate
         * @return this builder
         */
        public Builder affiliateId(String affiliateId) {
            return filter("affiliate_id", affiliateId);
        }

        /**
         * Only this status; {@link OrderStatus#PENDING} is sent as {@code new}, the word this endpoint reads.
         *
         * @param status the status
         * @return this builder
         */
        public Builder status(OrderStatus status) {
            return filter("status", status == null ? null : status.equals(OrderStatus.PENDING) ? "new"
                    : status.value());
        }

        /**
         * Only orders placed in a range.
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
         * Only orders of new (or returning) customers.
         *
         * @param isNew the flag, or null for both
         * @return this builder
         */
        public Builder newCustomer(Boolean isNew) {
            return filter("is_new_customer", isNew);
        }

        /**
         * Only subscription orders (or not).
         *
         * @param subscription the flag, or null for both
         * @return this builder
         */
        public Builder subscription(Boolean subscription) {
            return filter("is_subscription", subscription);
        }

        /**
         * Only subscription renewals (or not).
         *
         * @param renewal the flag, or null for both
         * @return this builder
         */
        public Builder subscriptionRenewal(Boolean renewal) {
            return filter("is_subscription_renewal", renewal);
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public OrderListParams build() {
            check("order listing");
            return new OrderListParams(this);
        }
    }
}
