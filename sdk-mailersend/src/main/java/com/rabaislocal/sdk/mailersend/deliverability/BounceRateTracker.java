package com.rabaislocal.sdk.mailersend.deliverability;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.mailersend.webhooks.ActivityEvent;
import com.rabaislocal.sdk.mailersend.webhooks.MailerSendEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The bounce rate from webhook events: (hard + soft bounces) / delivered over a sliding window (24 h by default),
 * empty while fewer than {@code minDelivered} emails were delivered in it, so three bounces on the first morning do
 * not page anyone. Feed it every {@code activity.*} event after deduplication; other events are ignored. A
 * {@link Supplier} of the rate, as sdk-monitoring's {@code SeedAlerts.bounceRate(...)} takes it. Thread-safe.
 */
public final class BounceRateTracker implements Supplier<OptionalDouble> {

    /** The default window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** The default fewest delivered emails for a figure. */
    public static final long DEFAULT_MIN_DELIVERED = 100;

    private enum Kind { DELIVERED, BOUNCED }

    private record Mark(Instant at, Kind kind) {
    }

    private final Duration window;
    private final long minDelivered;
    private final Clock clock;
    private final Deque<Mark> marks = new ArrayDeque<>();
    private long delivered;
    private long bounced;

    /**
     * @param window the sliding window, positive
     * @param minDelivered the fewest delivered emails for a figure, at least 1
     * @param clock the clock (the event's own time is not trusted: a late delivery counts when it arrives)
     */
    public BounceRateTracker(Duration window, long minDelivered, Clock clock) {
        if (window == null || window.isZero() || window.isNegative() || minDelivered < 1 || clock == null) {
            throw new ValidationException("bounce rate tracker", "window must be positive, minDelivered at least 1, "
                    + "clock set");
        }
        this.window = window;
        this.minDelivered = minDelivered;
        this.clock = clock;
    }

    /** @return a tracker over 24 h, from 100 delivered emails, on the UTC clock */
    public static BounceRateTracker defaults() {
        return new BounceRateTracker(DEFAULT_WINDOW, DEFAULT_MIN_DELIVERED, Clock.systemUTC());
    }

    /**
     * Counts an event.
     *
     * @param event any webhook event; only deliveries and bounces count
     */
    public synchronized void record(MailerSendEvent event) {
        if (!(event instanceof ActivityEvent)) {
            return;
        }
        ActivityEvent a = (ActivityEvent) event;
        Kind k = a.delivered() ? Kind.DELIVERED : a.hardBounce() || a.softBounce() ? Kind.BOUNCED : null;
        if (k == null) {
            return;
        }
        Instant now = clock.instant();
        expire(now);
        marks.addLast(new Mark(now, k));
        if (k == Kind.DELIVERED) {
            delivered++;
        } else {
            bounced++;
        }
    }

    /** @return the delivered emails in the window */
    public synchronized long delivered() {
        expire(clock.instant());
        return delivered;
    }

    /** @return the bounces in the window */
    public synchronized long bounced() {
        expire(clock.instant());
        return bounced;
    }

    /** @return the rate in the window, empty below the minimum of delivered emails */
    public synchronized OptionalDouble rate() {
        expire(clock.instant());
        return delivered < minDelivered ? OptionalDouble.empty() : OptionalDouble.of((double) bounced / delivered);
    }

    @Override
    public OptionalDouble get() {
        return rate();
    }

    private void expire(Instant now) {
        Instant from = now.minus(window);
        while (!marks.isEmpty() && !marks.peekFirst().at().isAfter(from)) {
            Mark m = marks.removeFirst();
            if (m.kind() == Kind.DELIVERED) {
                delivered--;
            } else {
                bounced--;
            }
        }
    }
}
