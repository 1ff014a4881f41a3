package com.rabaislocal.sdk.make.executions;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * How a scenario's executions went over a window: counts, success and failure rates, mean duration, and the length
 * of the current run of consecutive failures (newest first, which may reach back before the window). A warning
 * (an execution that finished with a handled error) is neither a success nor a failure in the rates, and it ends a
 * run of failures; running executions and edit-history entries are ignored.
 *
 * @param scenarioId the scenario
 * @param from the window's start, inclusive
 * @param to the window's end, exclusive
 * @param executions finished executions in the window
 * @param successes of which succeeded
 * @param warnings of which finished with warnings
 * @param failures of which failed
 * @param meanDuration their mean duration; zero when there were none
 * @param consecutiveFailures failed executions in a row, counted from the newest one
 * @param lastExecution when the newest finished execution happened, if any
 */
public record ScenarioHealth(long scenarioId, Instant from, Instant to, int executions, int successes, int warnings,
                             int failures, Duration meanDuration, int consecutiveFailures,
                             Optional<Instant> lastExecution) {

    /** The seed's alert threshold: a workflow that fails 5 times in a row. */
    public static final int DEFAULT_FAILURE_THRESHOLD = 5;

    /** @return successes over executions in [0, 1]; 0 when there were none */
    public double successRate() {
        return executions == 0 ? 0.0 : (double) successes / executions;
    }

    /** @return failures over executions in [0, 1]; 0 when there were none */
    public double failureRate() {
        return executions == 0 ? 0.0 : (double) failures / executions;
    }

    /**
     * Tells whether the current run of failures reached a threshold.
     *
     * @param threshold failures in a row, positive (the seed's alert uses {@value #DEFAULT_FAILURE_THRESHOLD})
     * @return true when at least that many of the newest executions failed
     */
    public boolean failing(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be positive, was " + threshold);
        }
        return consecutiveFailures >= threshold;
    }

    /**
     * Computes the health from a scenario's log, newest first. Reads the log lazily and stops once it is past the
     * window and the run of failures has ended, so a lazy listing fetches only the pages it needs.
     *
     * @param scenarioId the scenario
     * @param newestFirst its log entries, newest first (as Make lists them)
     * @param from the window's start, inclusive
     * @param to the window's end, exclusive
     * @return the health
     */
    public static ScenarioHealth compute(long scenarioId, Iterable<ScenarioLog> newestFirst, Instant from,
                                         Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        int executions = 0;
        int successes = 0;
        int warnings = 0;
        int failures = 0;
        long totalMillis = 0;
        int streak = 0;
        boolean streakOpen = true;
        Instant last = null;
        Iterator<ScenarioLog> it = newestFirst.iterator();
        while (it.hasNext()) {
            ScenarioLog log = it.next();
            if (!log.isExecution() || !log.status().finished()) {
                continue;
            }
            if (last == null || log.timestamp().isAfter(last)) {
                last = log.timestamp();
            }
            boolean failed = log.status() == ExecutionStatus.ERROR;
            if (streakOpen) {
                if (failed) {
                    streak++;
                } else {
                    streakOpen = false;
                }
            }
            boolean inWindow = !log.timestamp().isBefore(from) && log.timestamp().isBefore(to);
            if (inWindow) {
                executions++;
                totalMillis += log.duration().toMillis();
                switch (log.status()) {
                    case SUCCESS -> successes++;
                    case WARNING -> warnings++;
                    default -> failures++;
                }
            } else if (log.timestamp().isBefore(from) && !streakOpen) {
                break;
            }
        }
        Duration mean = executions == 0 ? Duration.ZERO : Duration.ofMillis(totalMillis / executions);
        return new ScenarioHealth(scenarioId, from, to, executions, successes, warnings, failures, mean, streak,
                Optional.ofNullable(last));
    }
}
