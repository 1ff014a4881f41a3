package com.rabaislocal.sdk.monitoring.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The health checks of the SDK's services, each bounded by a short timeout and never throwing.
 *
 * <ul>
 *   <li>{@link #supabase(SupabaseClient, String, Duration, Duration)}: the Data API (a one-row select, which goes
 *       through PostgREST to the database: its time is the database round trip) and Auth's {@code /health}.</li>
 * </ul>
 * The other services' checks are one probe each over their client, built with {@link HealthCheck#of}; the service
 * modules' docs show them.
 */
public final class ServiceHealthChecks {

    /** The default timeout of a check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private ServiceHealthChecks() {
    }

    /**
     * The Supabase check: UP when both the Data API and Auth answer and the database round trip is under
     * {@code slowAbove}; DEGRADED when slower; DOWN when either fails or the timeout passes.
     *
     * @param client a Supabase client (the anon key is enough: the select may return no row under RLS, and still
     *     runs on the database)
     * @param table a table to select one id from, e.g. {@code offers}
     * @param timeout the whole check's limit, e.g. {@link #DEFAULT_TIMEOUT}
     * @param slowAbove the database round trip above which the check is DEGRADED, e.g. 500 ms (the seed's warning)
     * @return the check, named {@code supabase}
     */
    public static HealthCheck supabase(SupabaseClient client, String table, Duration timeout, Duration slowAbove) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(slowAbove, "slowAbove");
        return HealthCheck.of("supabase", timeout, () -> {
            long start = System.nanoTime();
            client.from(table).select("id").limit(1).list(JsonNode.class);
            Duration db = Duration.ofNanos(System.nanoTime() - start);
            client.http().execute(SdkRequest.builder("GET", "/auth/v1/health").operation("auth.health")
                    .deadline(timeout).build());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("database_round_trip_ms", db.toMillis());
            String reason = "Data API answered in " + db.toMillis() + " ms; Auth answered";
            return db.compareTo(slowAbove) > 0
                    ? HealthCheck.Outcome.of(HealthStatus.DEGRADED, reason + " (slower than " + slowAbove.toMillis()
                            + " ms)", details)
                    : HealthCheck.Outcome.of(HealthStatus.UP, reason, details);
        });
    }
}
