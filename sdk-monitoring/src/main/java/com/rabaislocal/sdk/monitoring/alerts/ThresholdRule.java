package com.rabaislocal.sdk.monitoring.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fires when a measured value is above a threshold (or at least it, for counts). Most of the seed's alerts are this
 * rule over a different reading: error rate, database latency, CPU, storage, bounce rate, consecutive workflow
 * failures. A reading that is not available (too few calls, no data yet) never fires.
 */
public final class ThresholdRule implements AlertRule {

    /** One measurement: the value and how to say it. */
    public record Reading(double value, String description) {
    }

    private final String name;
    private final Severity severity;
    private final double threshold;
    private final boolean inclusive;
    private final Function<Instant, Optional<Reading>> reading;
    private final String thresholdText;

    private ThresholdRule(String name, Severity severity, double threshold, boolean inclusive, String thresholdText,
                          Function<Instant, Optional<Reading>> reading) {
        this.name = Objects.requireNonNull(name, "name");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.threshold = threshold;
        this.inclusive = inclusive;
        this.thresholdText = Objects.requireNonNull(thresholdText, "thresholdText");
        this.reading = Objects.requireNonNull(reading, "reading");
    }

    /**
     * A rule that fires when the reading is strictly above the threshold.
     *
     * @param name the rule's name
     * @param severity its severity
     * @param threshold the limit, in the reading's unit
     * @param thresholdText the limit in words, e.g. {@code "5%"}
     * @param reading measures at a time; empty when there is nothing to judge yet
     * @return the rule
     */
    public static ThresholdRule above(String name, Severity severity, double threshold, String thresholdText,
                                      Function<Instant, Optional<Reading>> reading) {
        return new ThresholdRule(name, severity, threshold, false, thresholdText, reading);
    }

    /**
     * A rule that fires when the reading reaches the threshold (for counts: "fails 5 times").
     *
     * @param name the rule's name
     * @param severity its severity
     * @param threshold the limit, in the reading's unit
     * @param thresholdText the limit in words
     * @param reading measures at a time
     * @return the rule
     */
    public static ThresholdRule atLeast(String name, Severity severity, double threshold, String thresholdText,
                                        Function<Instant, Optional<Reading>> reading) {
        return new ThresholdRule(name, severity, threshold, true, thresholdText, reading);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    /** @return the limit */
    public double threshold() {
        return threshold;
    }

    @Override
    public Evaluation evaluate(Instant now) {
        Optional<Reading> r = reading.apply(now);
        if (r.isEmpty()) {
            return Evaluation.ok("no reading yet");
        }
        double v = r.get().value();
        boolean fires = inclusive ? v >= threshold : v > threshold;
        String message = r.get().description() + (fires ? (inclusive ? ", at least " : ", above ")
                : ", within ") + thresholdText;
        return new Evaluation(fires, message);
    }

    @Override
    public String toString() {
        return "ThresholdRule{" + name + ", " + severity + ", " + (inclusive ? ">= " : "> ") + thresholdText + '}';
    }
}
