package com.rabaislocal.sdk.monitoring.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one health check: a status, how long the check took, and the reason in words. The reason and the
 * details never hold a secret: checks build them from statuses, counts and exception class names only.
 *
 * @param name the check's name, e.g. {@code supabase}
 * @param status up, degraded or down
 * @param latency how long the check took (for Supabase, the database round trip)
 * @param reason a short explanation, e.g. {@code "Data API 200 in 12 ms, Auth 200"}
 * @param details figures behind the status (e.g. {@code quota_remaining}), copied
 * @param checkedAt when the check ended
 */
public record HealthResult(String name, HealthStatus status, Duration latency, String reason,
                           Map<String, Object> details, Instant checkedAt) {

    /**
     * Copies the details and checks the fields.
     *
     * @param name the check's name, e.g. {@code supabase}
     * @param status up, degraded or down
     * @param latency how long the check took (for Supabase, the database round trip)
     * @param reason a short explanation, e.g. {@code "Data API 200 in 12 ms, Auth 200"}
     * @param details figures behind the status (e.g. {@code quota_remaining}), copied
     * @param checkedAt when the check ended
     * @throws NullPointerException when a field is null
     */
    public HealthResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(reason, "reason");
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** @return true when the status is {@link HealthStatus#UP} */
    public boolean isUp() {
        return status == HealthStatus.UP;
    }
}
