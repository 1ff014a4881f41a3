package com.rabaislocal.sdk.mailersend.deliverability;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.analytics.AnalyticsParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounce rate from MailerSend's analytics ({@code GET /analytics/date}): (hard + soft bounces) / delivered over
 * the last window, for services that do not receive webhooks. A failed call gives an empty figure (logged), so an
 * alert rule reads "no data", not a crash. A {@link Supplier} of the rate. Thread-safe.
 */
public final class AnalyticsBounceRate implements Supplier<OptionalDouble> {

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.mailersend");

    private final MailerSendClient client;
    private final Duration window;
    private final String domainId;
    private final long minDelivered;
    private final Clock clock;

    /**
     * @param client the MailerSend client
     * @param window how far back to count, e.g. 7 days (analytics are per day)
     * @param domainId the domain, or null for all
     * @param minDelivered the fewest delivered emails for a figure
     * @param clock the clock
     */
    public AnalyticsBounceRate(MailerSendClient client, Duration window, String domainId, long minDelivered,
                               Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.window = Objects.requireNonNull(window, "window");
        this.domainId = domainId;
        this.minDelivered = minDelivered;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public OptionalDouble get() {
        Instant to = clock.instant();
        try {
            return client.analytics().byDate(AnalyticsParams.bounces(to.minus(window), to, domainId))
                    .bounceRate(minDelivered);
        } catch (RabaisSdkException e) {
            LOG.warn("mailersend bounce rate unavailable: {}", e.getClass().getSimpleName());
            return OptionalDouble.empty();
        }
    }
}
