package com.rabaislocal.sdk.mailersend.activity;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.mailersend.ListParams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of {@code GET /activity/{domain_id}}: the domain (required), a time window ({@code date_from},
 * {@code date_to} in epoch seconds, at most 31 days apart), event types ({@code event[]}) and the page size.
 */
public final class ActivityListParams {

    /** The widest window MailerSend accepts. */
    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final String domainId;
    private final Instant from;
    private final Instant to;
    private final List<String> events;
    private final int limit;

    private ActivityListParams(Builder b) {
        this.domainId = b.domainId;
        this.from = b.from;
        this.to = b.to;
        this.events = List.copyOf(b.events);
        this.limit = b.limit;
    }

    /**
     * @param domainId the domain
     * @return a builder
     */
    public static Builder builder(String domainId) {
        return new Builder(domainId);
    }

    /** @return the domain */
    public String domainId() {
        return domainId;
    }

    /** @return the page size */
    public int limit() {
        return limit;
    }

    SdkRequest.Builder request() {
        SdkRequest.Builder rb = SdkRequest.builder("GET", "/activity").pathSegment(domainId)
                .operation("activity.list");
        if (from != null) {
            rb.query("date_from", Long.toString(from.getEpochSecond()));
        }
        if (to != null) {
            rb.query("date_to", Long.toString(to.getEpochSecond()));
        }
        events.forEach(e -> rb.query("event[]", e));
        return rb;
    }

    /** Builds {@link ActivityListParams}. */
    public static final class Builder {
        private final String domainId;
        private Instant from;
        private Instant to;
        private final List<String> events = new ArrayList<>();
        private int limit = ListParams.DEFAULT_LIMIT;

        private Builder(String domainId) {
            this.domainId = domainId;
        }

        /**
         * @param from the window's start
         * @param to the window's end, at most 31 days later
         * @return this builder
         */
        public Builder window(Instant from, Instant to) {
            this.from = from;
            this.to = to;
            return this;
        }

        /**
         * Adds event types.
         *
         * @param events e.g. {@code hard_bounced}, {@code delivered}
         * @return this builder
         */
        public Builder events(String... events) {
            this.events.addAll(List.of(events));
            return this;
        }

        /**
         * @param limit 10 to 100; default 25
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * @return the params
         * @throws ValidationException listing every invalid value
         */
        public ActivityListParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (domainId == null || domainId.isBlank()) {
                errors.put("domain_id", List.of("is required"));
            }
            if ((from == null) != (to == null)) {
                errors.put("date_from", List.of("date_from and date_to go together"));
            } else if (from != null) {
                if (!to.isAfter(from)) {
                    errors.put("date_to", List.of("must be after date_from"));
                } else if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
                    errors.put("date_to", List.of("must be at most 31 days after date_from"));
                }
            }
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) == null || events.get(i).isBlank()) {
                    errors.put("event." + i, List.of("must not be blank"));
                }
            }
            if (limit < ListParams.MIN_LIMIT || limit > ListParams.MAX_LIMIT) {
                errors.put("limit", List.of("must be between 10 and 100, was " + limit));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("activity list params", errors);
            }
            return new ActivityListParams(this);
        }
    }
}
