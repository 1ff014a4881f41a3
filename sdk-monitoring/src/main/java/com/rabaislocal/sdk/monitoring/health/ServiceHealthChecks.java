package com.rabaislocal.sdk.monitoring.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.openai.models.Model;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The health checks of the SDK's services, each bounded by a short timeout and never throwing.
 *
 * <ul>
 *   <li>{@link #supabase(SupabaseClient, String, Duration, Duration)}: the Data API (a one-row select, which goes
 *       through PostgREST to the database: its time is the database round trip) and Auth's {@code /health}.</li>
 *   <li>{@link #openAi(OpenAiClient, Duration, Duration)}: OpenAI's models list (free, no tokens spent).</li>
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

    /**
     * The OpenAI check: lists the models once, without retries, within {@code timeout}. UP when the answer comes
     * under {@code slowAbove}; DEGRADED when slower or rate limited (HTTP 429 {@code rate_limit_exceeded}: the
     * service works, this key must slow down); DOWN on any other error (a wrong key, an exhausted quota, a 5xx), an
     * I/O failure or the timeout. The reason names the status and OpenAI's error code, never the key nor OpenAI's
     * message (which quotes part of the key).
     *
     * @param client an OpenAI client (its key, base URL, organization and project are used)
     * @param timeout the whole check's limit, e.g. {@link #DEFAULT_TIMEOUT}
     * @param slowAbove the latency above which the check is DEGRADED, e.g. 2 s
     * @return the check, named {@code openai}
     */
    public static HealthCheck openAi(OpenAiClient client, Duration timeout, Duration slowAbove) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(slowAbove, "slowAbove");
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("openai health check: timeout must be positive, was " + timeout);
        }
        // One attempt, bounded by the check's own limit: a health check must not wait out retries.
        OpenAiClient probe = client.withOptions(b -> b.retryPolicy(RetryPolicy.none()).timeout(timeout)
                .deadline(timeout));
        return HealthCheck.of("openai", timeout, () -> {
            long start = System.nanoTime();
            List<Model> models;
            try {
                models = probe.models().list();
            } catch (RateLimitException e) {
                return HealthCheck.Outcome.of(HealthStatus.DEGRADED, "rate limited (HTTP 429 "
                        + e.code().orElse("no code") + ")", Map.of());
            } catch (ApiException e) {
                return HealthCheck.Outcome.of(HealthStatus.DOWN, "HTTP " + e.httpStatus() + " "
                        + e.code().orElse("no code") + e.requestId().map(id -> ", request id " + id).orElse(""),
                        Map.of());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("models", models.size());
            details.put("latency_ms", took.toMillis());
            String reason = "models listed (" + models.size() + ") in " + took.toMillis() + " ms";
            return took.compareTo(slowAbove) > 0
                    ? HealthCheck.Outcome.of(HealthStatus.DEGRADED, reason + " (slower than " + slowAbove.toMillis()
                            + " ms)", details)
                    : HealthCheck.Outcome.of(HealthStatus.UP, reason, details);
        });
    }
}
