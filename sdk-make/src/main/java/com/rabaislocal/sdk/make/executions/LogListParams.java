package com.rabaislocal.sdk.make.executions;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Filters of a scenario log listing (newest first). Immutable.
 *
 * @param from only entries at or after this instant (sent as epoch ms); empty for no bound
 * @param to only entries before this instant (epoch ms); empty for no bound
 * @param status only entries with this outcome (success, warning or error); empty for all
 * @param pageSize entries per request ({@code pg[limit]}), 1 to 100; default 100
 */
public record LogListParams(Optional<Instant> from, Optional<Instant> to, Optional<ExecutionStatus> status,
                            int pageSize) {

    /** The default and largest page size. */
    public static final int MAX_PAGE_SIZE = 100;

    /** @return every entry Make keeps (7 to 60 days by plan), 100 per request */
    public static LogListParams defaults() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LogListParams}; {@link #build()} validates. */
    public static final class Builder {
        private Instant from;
        private Instant to;
        private ExecutionStatus status;
        private int pageSize = MAX_PAGE_SIZE;

        private Builder() {
        }

        /**
         * Keeps the executions that started at or after an instant.
         *
         * @param from inclusive, before {@link #to(Instant)} when both are set; null (the default) for no lower bound
         * @return this builder
         */
        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        /**
         * Keeps the executions that started before an instant.
         *
         * @param to exclusive; null (the default) for no upper bound
         * @return this builder
         */
        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        /**
         * Keeps one outcome.
         *
         * @param status {@link ExecutionStatus#SUCCESS}, {@link ExecutionStatus#WARNING} or
         *     {@link ExecutionStatus#ERROR}
         * @return this builder
         */
        public Builder status(ExecutionStatus status) {
            this.status = status;
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
        public LogListParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (from != null && to != null && !from.isBefore(to)) {
                errors.put("from", List.of("must be before 'to'"));
            }
            if (status != null && !status.finished()) {
                errors.put("status", List.of("must be SUCCESS, WARNING or ERROR, was " + status));
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                errors.put("pageSize", List.of("must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("log list params", errors);
            }
            return new LogListParams(Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(status),
                    pageSize);
        }
    }

    /** @return Make's numeric code of {@link #status()}, 1 to 3 */
    int statusCode() {
        return switch (status.orElseThrow()) {
            case SUCCESS -> 1;
            case WARNING -> 2;
            default -> 3;
        };
    }
}
