package com.rabaislocal.sdk.make.scenarios;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Filters of a scenario listing. Immutable; {@link #defaults()} lists every scenario of the team.
 *
 * @param folderId only scenarios of this folder; empty for all
 * @param active only active ({@code true}) or inactive ({@code false}) scenarios; empty for both
 * @param pageSize scenarios per request ({@code pg[limit]}), 1 to 100; default 100
 */
public record ScenarioListParams(Optional<Long> folderId, Optional<Boolean> active, int pageSize) {

    /** The default and largest page size (Make does not document its maximum; above 100 is unverified). */
    public static final int MAX_PAGE_SIZE = 100;

    /** @return every scenario, 100 per request */
    public static ScenarioListParams defaults() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ScenarioListParams}; {@link #build()} validates. */
    public static final class Builder {
        private Long folderId;
        private Boolean active;
        private int pageSize = MAX_PAGE_SIZE;

        private Builder() {
        }

        /**
         * Keeps only one folder's scenarios.
         *
         * @param folderId positive folder id
         * @return this builder
         */
        public Builder folderId(long folderId) {
            this.folderId = folderId;
            return this;
        }

        /**
         * Keeps only active or only inactive scenarios.
         *
         * @param active the state wanted
         * @return this builder
         */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param pageSize 1 to 100; default 100
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the params
         * @throws ValidationException naming every invalid field
         */
        public ScenarioListParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (folderId != null && folderId <= 0) {
                errors.put("folderId", List.of("must be positive, was " + folderId));
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                errors.put("pageSize", List.of("must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("scenario list params", errors);
            }
            return new ScenarioListParams(Optional.ofNullable(folderId), Optional.ofNullable(active), pageSize);
        }
    }
}
