package com.rabaislocal.sdk.mailersend.analytics;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query of {@code GET /analytics/date}: a window (epoch seconds), the counts wanted ({@code event[]}), an
 * optional domain, tags and grouping ({@code days} by default).
 */
public final class AnalyticsParams {

    /** The counts the bounce rate needs. */
    public static final List<String> BOUNCE_EVENTS = List.of("delivered", "hard_bounced", "soft_bounced");

    private final Instant from;
    private final Instant to;
    private final List<String> events;
    private final String domainId;
    private final String groupBy;
    private final List<String> tags;

    private AnalyticsParams(Builder b) {
        this.from = b.from;
        this.to = b.to;
        this.events = List.copyOf(b.events);
        this.domainId = b.domainId;
        this.groupBy = b.groupBy;
        this.tags = List.copyOf(b.tags);
    }

    /**
     * @param from the window's start
     * @param to the window's end
     * @return a builder
     */
    public static Builder builder(Instant from, Instant to) {
        return new Builder(from, to);
    }

    /**
     * The delivered, hard-bounced and soft-bounced counts of a window, per day.
     *
     * @param from the window's start
     * @param to the window's end
     * @param domainId the domain, or null for all
     * @return the params
     */
    public static AnalyticsParams bounces(Instant from, Instant to, String domainId) {
        return builder(from, to).events(BOUNCE_EVENTS.toArray(new String[0])).domainId(domainId).build();
    }

    SdkRequest request() {
        SdkRequest.Builder rb = SdkRequest.builder("GET", "/analytics/date").operation("analytics.by_date");
        if (domainId != null) {
            rb.query("domain_id", domainId);
        }
        rb.query("date_from", Long.toString(from.getEpochSecond()));
        rb.query("date_to", Long.toString(to.getEpochSecond()));
        rb.query("group_by", groupBy);
        tags.forEach(t -> rb.query("tags[]", t));
        events.forEach(e -> rb.query("event[]", e));
        return rb.build();
    }

    /** @return the counts asked for */
    public List<String> events() {
        return events;
    }

    /** Builds {@link AnalyticsParams}. */
    public static final class Builder {
        private final Instant from;
        private final Instant to;
        private final List<String> events = new ArrayList<>();
        private String domainId;
        private String groupBy = "days";
        private final List<String> tags = new ArrayList<>();

        private Builder(Instant from, Instant to) {
            this.from = from;
            this.to = to;
        }

        /**
         * Adds counts.
         *
         * @param events e.g. {@code delivered}, {@code hard_bounced}, {@code opened}
         * @return this builder
         */
        public Builder events(String... events) {
            this.events.addAll(List.of(events));
            return this;
        }

        /**
         * @param domainId the domain, or null for all
         * @return this builder
         */
        public Builder domainId(String domainId) {
            this.domainId = domainId;
            return this;
        }

        /**
         * @param groupBy {@code days}, {@code weeks}, {@code months} or {@code years}; default days
         * @return this builder
         */
        public Builder groupBy(String groupBy) {
            this.groupBy = groupBy;
            return this;
        }

        /**
         * Adds tag filters.
         *
         * @param tags the tags
         * @return this builder
         */
        public Builder tags(String... tags) {
            this.tags.addAll(List.of(tags));
            return this;
        }

        /**
         * @return the params
         * @throws ValidationException listing every invalid value
         */
        public AnalyticsParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (from == null || to == null) {
                errors.put("date_from", List.of("date_from and date_to are required"));
            } else if (!to.isAfter(from)) {
                errors.put("date_to", List.of("must be after date_from"));
            }
            if (events.isEmpty()) {
                errors.put("event", List.of("needs at least one count, e.g. delivered"));
            }
            if (!List.of("days", "weeks", "months", "years").contains(groupBy)) {
                errors.put("group_by", List.of("must be days, weeks, months or years"));
            }
            if (domainId != null && domainId.isBlank()) {
                errors.put("domain_id", List.of("must not be blank (null for every domain)"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("analytics params", errors);
            }
            return new AnalyticsParams(this);
        }
    }
}
