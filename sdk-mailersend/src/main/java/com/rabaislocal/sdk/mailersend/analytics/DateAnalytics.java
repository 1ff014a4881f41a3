package com.rabaislocal.sdk.mailersend.analytics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Counts per date ({@code GET /analytics/date}).
 *
 * @param groupBy the grouping MailerSend applied
 * @param stats one entry per date, in order
 */
public record DateAnalytics(String groupBy, List<Day> stats) {

    /** Copies the stats. */
    public DateAnalytics {
        stats = List.copyOf(stats);
    }

    /**
     * The counts of one date.
     *
     * @param date the period's start
     * @param counts event name to count
     */
    public record Day(Instant date, Map<String, Long> counts) {

        /** Copies the counts. */
        public Day {
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }

        /**
         * @param event an event name
         * @return its count, 0 when absent
         */
        public long count(String event) {
            return counts.getOrDefault(event, 0L);
        }
    }

    /**
     * @param event an event name
     * @return its total over every date
     */
    public long total(String event) {
        return stats.stream().mapToLong(d -> d.count(event)).sum();
    }

    /**
     * The bounce rate of the window: (hard + soft bounces) / delivered.
     *
     * @param minDelivered the fewest delivered emails that make the figure meaningful
     * @return the rate, empty when fewer than {@code minDelivered} were delivered
     */
    public OptionalDouble bounceRate(long minDelivered) {
        long delivered = total("delivered");
        if (delivered < Math.max(1, minDelivered)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) (total("hard_bounced") + total("soft_bounced")) / delivered);
    }
}
