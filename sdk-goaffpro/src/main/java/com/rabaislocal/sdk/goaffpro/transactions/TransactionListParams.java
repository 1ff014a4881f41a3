package com.rabaislocal.sdk.goaffpro.transactions;

import com.rabaislocal.sdk.goaffpro.ListParams;
import java.util.List;
import java.util.Locale;

/** Filters of {@code GET /admin/transactions} (offset paging). */
public final class TransactionListParams extends ListParams {

    private TransactionListParams(Builder b) {
        super(b);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** What a ledger entry comes from. */
    public enum Type {
        /** Commissions on orders. */
        ORDERS,
        /** Rewards. */
        REWARDS,
        /** Payouts. */
        PAYOUTS
    }

    /** Builds {@link TransactionListParams}. */
    public static final class Builder extends ListParams.Base<Builder> {
        private Builder() {
        }

        /**
         * Only these ids.
         *
         * @param ids transaction ids
         * @return this builder
         */
        public Builder ids(List<String> ids) {
            return filter("id", ids);
        }

        /**
         * Only this affiliate's ledger.
         *
         * @param affiliateId the affiliate
         * @return this builder
         */
        public Builder affiliateId(String affiliateId) {
            return filter("affiliate_id", affiliateId);
        }

        /**
         * Only this kind.
         *
         * @param type the kind, sent upper case
         * @return this builder
         */
        public Builder type(Type type) {
            return filter("type", type == null ? null : type.name().toUpperCase(Locale.ROOT));
        }

        /**
         * Only paid (or unpaid) entries.
         *
         * @param paid the flag, or null for both
         * @return this builder
         */
        public Builder paid(Boolean paid) {
            return filter("is_paid", paid);
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public TransactionListParams build() {
            check("transaction listing");
            return new TransactionListParams(this);
        }
    }
}
