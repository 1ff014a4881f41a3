package com.rabaislocal.sdk.monitoring.alerts;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates alert rules and notifies their channels without flooding them: a rule that starts firing is sent once
 * ({@link Alert.Kind#FIRING}), then a {@link Alert.Kind#REMINDER} every {@link Builder#remindEvery(Duration)} while
 * it lasts, and a {@link Alert.Kind#RESOLVED} when it ends.
 *
 * <pre>{@code
 * Alerts alerts = Alerts.builder()
 *         .rule(SeedAlerts.databaseDown(supabaseCheck, 3))
 *         .rule(SeedAlerts.errorRate(calls, 0.05, 20))
 *         .channel(new Slf4jAlertChannel())
 *         .channel(SlackAlertChannel.criticalOnly(slackWebhookUrl))
 *         .build();
 * alerts.start(Duration.ofMinutes(1));     // or call evaluate() from your own scheduler
 * }</pre>
 *
 * <p>A rule that throws keeps its previous state (logged at WARN on {@code com.rabaislocal.sdk.alerts}); a channel
 * that throws is logged and the others still get the alert. Thread-safe: {@link #evaluate()} is serialised.
 */
public final class Alerts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.alerts");

    private final List<AlertRule> rules;
    private final List<AlertChannel> channels;
    private final Clock clock;
    private final Duration remindEvery;
    private final Map<String, Active> active = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;

    /** A rule that is firing: since when, and when it was last notified. */
    private static final class Active {
        final Instant since;
        Instant lastSent;
        String message;

        Active(Instant since, String message) {
            this.since = since;
            this.lastSent = since;
            this.message = message;
        }
    }

    private Alerts(Builder b) {
        this.rules = List.copyOf(b.rules);
        this.channels = List.copyOf(b.channels);
        this.clock = b.clock;
        this.remindEvery = b.remindEvery;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Evaluates every rule once and sends what changed.
     *
     * @return the alerts sent in this round, in rule order
     */
    public synchronized List<Alert> evaluate() {
        Instant now = clock.instant();
        List<Alert> sent = new ArrayList<>();
        for (AlertRule rule : rules) {
            AlertRule.Evaluation e;
            try {
                e = rule.evaluate(now);
            } catch (RuntimeException failure) {
                LOG.warn("alert rule {} could not be evaluated: {}", rule.name(), failure.toString());
                continue;
            }
            Active a = active.get(rule.name());
            Alert alert = null;
            if (e.firing() && a == null) {
                active.put(rule.name(), new Active(now, e.message()));
                alert = new Alert(rule.name(), rule.severity(), Alert.Kind.FIRING, e.message(), now, now);
            } else if (e.firing()) {
                a.message = e.message();
                if (!now.isBefore(a.lastSent.plus(remindEvery))) {
                    a.lastSent = now;
                    alert = new Alert(rule.name(), rule.severity(), Alert.Kind.REMINDER, e.message(), a.since, now);
                }
            } else if (a != null) {
                active.remove(rule.name());
                alert = new Alert(rule.name(), rule.severity(), Alert.Kind.RESOLVED, e.message(), a.since, now);
            }
            if (alert != null) {
                dispatch(alert);
                sent.add(alert);
            }
        }
        return sent;
    }

    private void dispatch(Alert alert) {
        for (AlertChannel c : channels) {
            if (!c.accepts(alert.severity())) {
                continue;
            }
            try {
                c.send(alert);
            } catch (RuntimeException e) {
                // One channel down must not silence the others.
                LOG.warn("alert channel {} failed to send {} {}: {}", c.name(), alert.kind(), alert.rule(),
                        e.toString());
            }
        }
    }

    /**
     * The rules firing now.
     *
     * @return rule name to the message last measured, in rule order
     */
    public synchronized Map<String, String> firing() {
        Map<String, String> m = new LinkedHashMap<>();
        active.forEach((k, v) -> m.put(k, v.message));
        return m;
    }

    /**
     * Tells whether one rule is firing.
     *
     * @param rule the rule's name
     * @return when it started, if it fires
     */
    public synchronized Optional<Instant> firingSince(String rule) {
        Active a = active.get(rule);
        return a == null ? Optional.empty() : Optional.of(a.since);
    }

    /**
     * Evaluates on a schedule, on a daemon thread of the engine's own, until {@link #close()}.
     *
     * @param every the interval, positive (e.g. 1 min)
     * @throws IllegalStateException when already started
     */
    public synchronized void start(Duration every) {
        if (every == null || every.isZero() || every.isNegative()) {
            throw new ValidationException("every", "must be positive, was " + every);
        }
        if (scheduler != null) {
            throw new IllegalStateException("alerts already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rabaislocal-alerts");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                evaluate();
            } catch (RuntimeException e) {
                LOG.warn("alert evaluation failed: {}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule, if started. Idempotent. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** Builds {@link Alerts}. */
    public static final class Builder {
        private final List<AlertRule> rules = new ArrayList<>();
        private final List<AlertChannel> channels = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration remindEvery = Duration.ofHours(1);

        private Builder() {
        }

        /**
         * Adds a rule.
         *
         * @param rule the rule; names must be unique
         * @return this builder
         */
        public Builder rule(AlertRule rule) {
            rules.add(rule);
            return this;
        }

        /**
         * Adds a channel.
         *
         * @param channel the channel
         * @return this builder
         */
        public Builder channel(AlertChannel channel) {
            channels.add(channel);
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param clock default the system's UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets how often a rule that keeps firing is reminded.
         *
         * @param remindEvery positive; default 1 hour
         * @return this builder
         */
        public Builder remindEvery(Duration remindEvery) {
            this.remindEvery = remindEvery;
            return this;
        }

        /**
         * Validates and builds the engine.
         *
         * @return the engine, not started
         * @throws ValidationException naming every problem
         */
        public Alerts build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (rules.isEmpty() || rules.contains(null)) {
                errors.put("rules", List.of("at least one rule, none null"));
            } else {
                List<String> names = new ArrayList<>();
                for (AlertRule r : rules) {
                    if (names.contains(r.name())) {
                        errors.put("rules", List.of("two rules are named " + r.name()));
                    }
                    names.add(r.name());
                }
            }
            if (channels.contains(null)) {
                errors.put("channels", List.of("must not contain null"));
            }
            if (clock == null) {
                errors.put("clock", List.of("is required"));
            }
            if (remindEvery == null || remindEvery.isZero() || remindEvery.isNegative()) {
                errors.put("remindEvery", List.of("must be positive, was " + remindEvery));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("alert settings", errors);
            }
            return new Alerts(this);
        }
    }
}
