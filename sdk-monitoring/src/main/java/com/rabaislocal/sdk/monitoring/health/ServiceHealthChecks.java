package com.rabaislocal.sdk.monitoring.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.goaffpro.store.StoreConfig;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.quota.ApiQuota;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.make.TokenInfo;
import com.rabaislocal.sdk.make.error.MissingScopeException;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.openai.models.Model;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import java.time.Duration;
import java.util.Collection;
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
 *   <li>{@link #goAffPro(GoAffProClient, Duration)}: the store's configuration, which also proves the token
 *       belongs to the configured program.</li>
 *   <li>{@link #make(MakeClient, Collection, Duration)}: the token (whom it belongs to) and its scopes.</li>
 *   <li>{@link #mailerSend(MailerSendClient, Duration, double)}: {@code GET /v1/api-quota}, which costs no quota;
 *       DEGRADED when the day's quota is nearly used up.</li>
 *   <li>{@link #openAi(OpenAiClient, Duration, Duration)}: OpenAI's models list (free, no tokens spent).</li>
 * </ul>
 * A service module only needed for its check is an optional dependency: add the module whose check you use.
 */
public final class ServiceHealthChecks {

    /** The default timeout of a check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The default share of the daily quota below which the MailerSend check is DEGRADED. */
    public static final double DEFAULT_MAILERSEND_QUOTA_SHARE = 0.10;

    private ServiceHealthChecks() {
    }

    /**
     * The MailerSend check: {@code GET /v1/api-quota} (which does not count against the quota) within the timeout,
     * without retries. UP when it answers with quota left; DEGRADED when less than {@code degradedBelowShare} of
     * the daily quota is left (sends will soon be refused); DOWN when it fails (401 for a revoked key, 5xx, no
     * answer). The reason and details hold figures, never the key.
     *
     * @param client a MailerSend client
     * @param timeout the whole check's limit, e.g. {@link #DEFAULT_TIMEOUT}
     * @param degradedBelowShare the share of the quota left under which the check is DEGRADED, in [0, 1], e.g.
     *     {@link #DEFAULT_MAILERSEND_QUOTA_SHARE}
     * @return the check, named {@code mailersend}
     */
    public static HealthCheck mailerSend(MailerSendClient client, Duration timeout, double degradedBelowShare) {
        Objects.requireNonNull(client, "client");
        if (!(degradedBelowShare >= 0 && degradedBelowShare <= 1)) {
            throw new IllegalArgumentException("degradedBelowShare must be within [0, 1], was " + degradedBelowShare);
        }
        // One attempt: a health check reports what it sees now, and must end by its timeout.
        MailerSendClient once = client.withOptions(b -> b.retryPolicy(client.options().retryPolicy().toBuilder()
                .maxRetries(0).build()).timeout(timeout));
        return HealthCheck.of("mailersend", timeout, () -> {
            long start = System.nanoTime();
            ApiQuota q = once.apiQuota().get(timeout);
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("latency_ms", ms);
            details.put("quota", q.quota());
            details.put("remaining", q.remaining());
            q.reset().ifPresent(r -> details.put("reset", r.toString()));
            String reason = "API quota answered in " + ms + " ms; " + q.remaining() + " of " + q.quota()
                    + " requests left today";
            return q.remainingShare() < degradedBelowShare
                    ? HealthCheck.Outcome.of(HealthStatus.DEGRADED, reason + " (under "
                            + Math.round(degradedBelowShare * 100) + "% left)", details)
                    : HealthCheck.Outcome.of(HealthStatus.UP, reason, details);
        });
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
     * The GoAffPro check: UP when the store's configuration is read and its site is the configured program; DOWN
     * when the call fails, the token is refused or belongs to another program, or the timeout passes.
     *
     * @param client a GoAffPro client
     * @param timeout the check's limit, e.g. {@link #DEFAULT_TIMEOUT}
     * @return the check, named {@code goaffpro}
     */
    public static HealthCheck goAffPro(GoAffProClient client, Duration timeout) {
        Objects.requireNonNull(client, "client");
        // Derived once: a check runs on every schedule tick, and the deadline keeps it within its own limit.
        GoAffProClient bounded = client.withOptions(b -> b.deadline(timeout));
        return HealthCheck.of("goaffpro", timeout, () -> {
            StoreConfig store = bounded.store().verifyProgram();
            Map<String, Object> details = new LinkedHashMap<>();
            if (store.siteId() != null) {
                details.put("site_id", store.siteId());
            }
            return HealthCheck.Outcome.of(HealthStatus.UP, "store configuration read"
                    + (store.storeName() == null || store.storeName().isBlank() ? "" : " (" + store.storeName() + ")"),
                    details);
        });
    }

    /**
     * The Make check: UP when the token is accepted and holds every scope asked for; DEGRADED when it is accepted
     * but lacks some (the reason names them); DOWN when it is refused (wrong token or zone), the call fails or the
     * timeout passes.
     *
     * @param client a Make client
     * @param requiredScopes the scopes the application needs, e.g. {@code MakeScopes.SCENARIOS_READ}; may be empty
     * @param timeout the check's limit, e.g. {@link #DEFAULT_TIMEOUT}
     * @return the check, named {@code make}
     */
    public static HealthCheck make(MakeClient client, Collection<String> requiredScopes, Duration timeout) {
        Objects.requireNonNull(client, "client");
        List<String> scopes = List.copyOf(requiredScopes);
        // Derived once: a check runs on every schedule tick, and the deadline keeps it within its own limit.
        MakeClient bounded = client.withOptions(b -> b.deadline(timeout));
        return HealthCheck.of("make", timeout, () -> {
            try {
                TokenInfo token = bounded.verifyToken(scopes);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("scopes", token.scopes().size());
                return HealthCheck.Outcome.of(HealthStatus.UP, "token accepted with " + token.scopes().size()
                        + " scopes" + (scopes.isEmpty() ? "" : ", every required one"), details);
            } catch (MissingScopeException e) {
                return HealthCheck.Outcome.of(HealthStatus.DEGRADED, "token accepted but lacks the scopes "
                        + e.missing(), Map.of("missing_scopes", List.copyOf(e.missing())));
            }
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
