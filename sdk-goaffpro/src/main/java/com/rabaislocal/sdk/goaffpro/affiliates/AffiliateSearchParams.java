package com.rabaislocal.sdk.goaffpro.affiliates;

import com.rabaislocal.sdk.goaffpro.ListParams;
import java.util.List;
import java.util.Set;

/**
 * The query of {@code GET /admin/affiliates/search}: a keyword matched against some columns. One integrator
 * reports this endpoint answering no match where the list filters find the affiliate; prefer
 * {@link AffiliateService#findByEmail(String)} for an exact address.
 */
public final class AffiliateSearchParams extends ListParams {

    private static final Set<String> COLUMNS = Set.of("name", "ref_code", "email", "coupon");
    private static final Set<String> OPERATORS = Set.of("starts_with", "ends_with", "contains");

    private AffiliateSearchParams(Builder b) {
        super(b);
    }

    /**
     * Starts a search.
     *
     * @param keyword the text to look for, non-blank
     * @return a builder searching name, ref_code, email and coupon with {@code starts_with}
     */
    public static Builder builder(String keyword) {
        return new Builder().keyword(keyword).in(List.of("name", "ref_code", "email", "coupon"));
    }

    /** Builds {@link AffiliateSearchParams}. */
    public static final class Builder extends ListParams.Base<Builder> {
        private String badColumn;
        private String badOperator;
        private String badSort;

        private Builder() {
        }

        private Builder keyword(String keyword) {
            return filter("keyword", keyword == null ? "" : keyword);
        }

        /**
         * Sets the columns searched.
         *
         * @param columns among {@code name}, {@code ref_code}, {@code email}, {@code coupon}
         * @return this builder
         */
        public Builder in(List<String> columns) {
            badColumn = columns.stream().filter(c -> !COLUMNS.contains(c)).findFirst().orElse(null);
            return filter("in", columns);
        }

        /**
         * Sets how the keyword matches.
         *
         * @param operator {@code starts_with} (GoAffPro's default), {@code ends_with} or {@code contains}
         * @return this builder
         */
        public Builder operator(String operator) {
            badOperator = operator != null && !OPERATORS.contains(operator) ? operator : null;
            return filter("operator", operator);
        }

        /**
         * Sorts the results.
         *
         * @param column {@code name}, {@code ref_code} or {@code id}
         * @param ascending true for ascending
         * @return this builder
         */
        public Builder sort(String column, boolean ascending) {
            badSort = Set.of("name", "ref_code", "id").contains(column) ? null : column;
            filter("sort_column", column);
            return filter("sort_direction", ascending ? "asc" : "desc");
        }

        @Override
        protected void validate(java.util.Map<String, List<String>> errors) {
            super.validate(errors);
            if (badColumn != null) {
                errors.put("in", List.of("must be among name, ref_code, email, coupon; was " + badColumn));
            }
            if (badOperator != null) {
                errors.put("operator", List.of("must be starts_with, ends_with or contains, was " + badOperator));
            }
            if (badSort != null) {
                errors.put("sort_column", List.of("must be name, ref_code or id, was " + badSort));
            }
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public AffiliateSearchParams build() {
            check("affiliate search");
            return new AffiliateSearchParams(this);
        }
    }
}
