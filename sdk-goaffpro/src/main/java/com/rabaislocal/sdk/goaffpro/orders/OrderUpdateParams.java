package com.rabaislocal.sdk.goaffpro.orders;

import com.rabaislocal.sdk.goaffpro.WriteParams;
import java.math.BigDecimal;

/**
 * The body of {@code PATCH /admin/orders/{id}}: a new commission, a new status, or both.
 */
public final class OrderUpdateParams extends WriteParams {

    private OrderUpdateParams(Builder b) {
        super(b);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link OrderUpdateParams}. */
    public static final class Builder extends WriteParams.Base<Builder> {
        private Builder() {
        }

        /**
         * Sets the affiliate's commission on the order, replacing the one GoAffPro computed.
         *
         * @param commission a decimal amount in the order's currency (not cents), not negative; null removes it; not
         *     sent by default (the commission is unchanged)
         * @return this builder
         */
        public Builder commission(BigDecimal commission) {
            return money("commission", commission, false);
        }

        /**
         * Sets the status; {@link OrderStatus#PENDING} is sent as {@code pending}, the word this endpoint writes.
         *
         * @param status pending, approved or rejected
         * @return this builder
         */
        public Builder status(OrderStatus status) {
            if (status != null && !status.isKnown()) {
                problem("status", "must be pending, approved or rejected, was " + status);
                return this;
            }
            return text("status", status == null ? null : status.value());
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public OrderUpdateParams build() {
            if (!node().has("commission") && !node().has("status")) {
                problem("body", "set the commission, the status or both");
            }
            check("order update");
            return new OrderUpdateParams(this);
        }
    }
}
