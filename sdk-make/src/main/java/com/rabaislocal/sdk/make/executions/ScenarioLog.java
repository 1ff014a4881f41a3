package com.rabaislocal.sdk.make.executions;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.make.internal.MakeHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a scenario's log: an execution with its outcome, or an edit-history event ({@link #isExecution()}
 * false).
 *
 * @param id the entry's id: the execution id (32 hex) for executions, a numeric string for edit events
 * @param imtId Make's ordering key {@code <epochMs>_<id>}; empty when absent
 * @param scenarioId the scenario
 * @param status the outcome; {@link ExecutionStatus#UNKNOWN} for edit events
 * @param type the kind of entry
 * @param duration how long the execution ran
 * @param operations operations it consumed
 * @param centicredits credits it consumed, in hundredths
 * @param transfer bytes it transferred
 * @param timestamp when it happened
 * @param error why it failed, when it did
 * @param raw the entry as Make sent it
 */
public record ScenarioLog(String id, String imtId, long scenarioId, ExecutionStatus status, LogType type,
                          Duration duration, long operations, long centicredits, long transfer, Instant timestamp,
                          Optional<ExecutionError> error, JsonNode raw) {

    /**
     * Reads a log entry.
     *
     * @param scenarioId the scenario whose log was read
     * @param item the entry
     * @return the entry
     */
    public static ScenarioLog from(long scenarioId, MakeHttp.Item item) {
        String imtId = item.optText("imtId").orElse("");
        Instant at = item.optInstant("timestamp").orElseGet(() -> epochOf(imtId));
        if (at == null) {
            throw item.unexpected("a log entry has neither 'timestamp' nor a readable 'imtId'");
        }
        return new ScenarioLog(item.requiredText("id"), imtId, item.optLong("scenarioId").orElse(scenarioId),
                ExecutionStatus.parse(item.optText("status").orElse(null)),
                LogType.parse(item.optText("type").orElse(null)),
                Duration.ofMillis(item.optLong("duration").orElse(0L)), item.optLong("operations").orElse(0L),
                item.optLong("centicredits").orElse(0L), item.optLong("transfer").orElse(0L), at,
                ExecutionError.of(item), item.node());
    }

    private static Instant epochOf(String imtId) {
        int cut = imtId.indexOf('_');
        try {
            return cut > 0 ? Instant.ofEpochMilli(Long.parseLong(imtId.substring(0, cut))) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return true for an execution (it has an outcome or is auto/manual), false for an edit-history event */
    public boolean isExecution() {
        return status != ExecutionStatus.UNKNOWN || type == LogType.AUTO || type == LogType.MANUAL;
    }

    /** Names the entry; the raw JSON is left out. */
    @Override
    public String toString() {
        return "ScenarioLog{id=" + id + ", scenarioId=" + scenarioId + ", status=" + status + ", type=" + type
                + ", duration=" + duration.toMillis() + "ms, operations=" + operations + ", at=" + timestamp + '}';
    }
}
