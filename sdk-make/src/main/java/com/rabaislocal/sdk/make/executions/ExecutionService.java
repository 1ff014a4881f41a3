package com.rabaislocal.sdk.make.executions;

import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.make.internal.Ids;
import com.rabaislocal.sdk.make.internal.MakeHttp;
import com.rabaislocal.sdk.make.scenarios.Scenario;
import com.rabaislocal.sdk.make.scenarios.ScenarioService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The execution history: scenario logs, incomplete executions, the team's and organization's daily usage, and the
 * {@link ScenarioHealth} view over the logs. A cheap view over the client; holds no state. Scopes:
 * {@code scenarios:read} for logs, {@code dlqs:read} for incomplete executions, {@code teams:read} and
 * {@code organizations:read} for usage.
 */
public final class ExecutionService {

    private final MakeHttp http;
    private final ScenarioService scenarios;
    private final Clock clock;

    /**
     * Creates the view (the client's {@code executions()} does).
     *
     * @param http the client's calls
     * @param scenarios the client's scenarios, for the team's health
     * @param clock the clock that ends a health window ("now")
     */
    public ExecutionService(MakeHttp http, ScenarioService scenarios, Clock clock) {
        this.http = http;
        this.scenarios = scenarios;
        this.clock = clock;
    }

    /**
     * Lists a scenario's log, newest first, lazily ({@code GET /scenarios/{id}/logs}).
     *
     * @param scenarioId the scenario
     * @return the entries Make keeps (7 to 60 days by plan)
     */
    public AutoPager<ScenarioLog> logs(long scenarioId) {
        return logs(scenarioId, LogListParams.defaults());
    }

    /**
     * Lists a scenario's log entries that match the filters, newest first, lazily.
     *
     * @param scenarioId the scenario
     * @param params the filters and page size
     * @return the entries
     */
    public AutoPager<ScenarioLog> logs(long scenarioId, LogListParams params) {
        Ids.positive("scenarioId", scenarioId);
        Objects.requireNonNull(params, "params");
        SdkRequest.Builder b = MakeHttp.request("GET", "logs.list", "scenarios", scenarioId, "logs");
        params.from().ifPresent(f -> b.query("from", Long.toString(f.toEpochMilli())));
        params.to().ifPresent(t -> b.query("to", Long.toString(t.toEpochMilli())));
        if (params.status().isPresent()) {
            b.query("status", Integer.toString(params.statusCode()));
        }
        return http.pager(params.pageSize(), b.build(), "scenarioLogs", i -> ScenarioLog.from(scenarioId, i),
                ScenarioLog::id);
    }

    /**
     * Fetches one execution's log entry ({@code GET /scenarios/{id}/logs/{executionId}}).
     *
     * @param scenarioId the scenario
     * @param executionId the execution, 32 lowercase hex digits
     * @return the entry
     */
    public ScenarioLog log(long scenarioId, String executionId) {
        Ids.positive("scenarioId", scenarioId);
        Ids.executionId(executionId);
        return ScenarioLog.from(scenarioId, http.send(MakeHttp.request("GET", "logs.get", "scenarios", scenarioId,
                "logs", executionId).build()).object("scenarioLog"));
    }

    /**
     * Lists a scenario's incomplete executions ({@code GET /dlqs?scenarioId=}).
     *
     * @param scenarioId the scenario
     * @return the incomplete executions, lazily
     */
    public AutoPager<IncompleteExecution> incomplete(long scenarioId) {
        Ids.positive("scenarioId", scenarioId);
        SdkRequest request = MakeHttp.request("GET", "dlqs.list", "dlqs")
                .query("scenarioId", Long.toString(scenarioId)).build();
        return http.pager(100, request, "dlqs", i -> IncompleteExecution.from(scenarioId, i),
                IncompleteExecution::id);
    }

    /**
     * Reads the team's daily usage ({@code GET /teams/{teamId}/usage}; scope {@code teams:read}).
     *
     * @return one row per day, as Make sends them
     */
    public List<DailyUsage> teamUsage() {
        return http.send(MakeHttp.request("GET", "usage.team", "teams", http.teamId(), "usage").build())
                .list("data", DailyUsage::from);
    }

    /**
     * Reads the organization's daily usage: the organization id from {@code GET /teams/{teamId}}, then
     * {@code GET /organizations/{id}/usage} (scopes {@code teams:read} and {@code organizations:read}).
     *
     * @return one row per day, as Make sends them
     */
    public List<DailyUsage> organizationUsage() {
        long org = http.send(MakeHttp.request("GET", "teams.get", "teams", http.teamId()).build()).object("team")
                .requiredLong("organizationId");
        return http.send(MakeHttp.request("GET", "usage.organization", "organizations", org, "usage").build())
                .list("data", DailyUsage::from);
    }

    /**
     * Computes a scenario's health over the last {@code window}, reading its log newest first and only as far
     * back as the window and the current run of failures need.
     *
     * @param scenarioId the scenario
     * @param window how far back, positive (e.g. 7 days)
     * @return the health
     */
    public ScenarioHealth health(long scenarioId, Duration window) {
        Instant to = clock.instant();
        return ScenarioHealth.compute(scenarioId, logs(scenarioId), windowStart(to, window), to);
    }

    /**
     * Computes the health of every scenario of the team over the last {@code window}.
     *
     * @param window how far back, positive
     * @return one health per scenario, by scenario id
     */
    public List<ScenarioHealth> teamHealth(Duration window) {
        Instant to = clock.instant();
        Instant from = windowStart(to, window);
        List<ScenarioHealth> out = new ArrayList<>();
        for (Scenario s : scenarios.list()) {
            out.add(ScenarioHealth.compute(s.id(), logs(s.id()), from, to));
        }
        return out;
    }

    private static Instant windowStart(Instant to, Duration window) {
        if (window == null || window.isZero() || window.isNegative()) {
            throw new com.rabaislocal.sdk.core.error.ValidationException("window", "must be positive, was " + window);
        }
        return to.minus(window);
    }
}
