package com.rabaislocal.sdk.make.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.make.error.MakeErrorParser;
import com.rabaislocal.sdk.make.error.ScenarioBusyException;
import com.rabaislocal.sdk.make.error.ScenarioNotActiveException;
import com.rabaislocal.sdk.make.executions.ExecutionError;
import com.rabaislocal.sdk.make.executions.ExecutionStatus;
import com.rabaislocal.sdk.make.internal.Ids;
import com.rabaislocal.sdk.make.internal.MakeHttp;
import java.util.List;
import java.util.Objects;

/**
 * The team's scenarios: list, get, activate, deactivate, run on demand and read an execution. A cheap view over
 * the client; holds no state. Scopes: {@code scenarios:read} to read, {@code scenarios:write} to activate and
 * deactivate, {@code scenarios:run} to run.
 */
public final class ScenarioService {

    private final MakeHttp http;

    /**
     * Creates the view (the client's {@code scenarios()} does).
     *
     * @param http the client's calls
     */
    public ScenarioService(MakeHttp http) {
        this.http = http;
    }

    /**
     * Lists every scenario of the team, by id ascending, lazily ({@code GET /scenarios?teamId=}).
     *
     * @return the scenarios
     */
    public AutoPager<Scenario> list() {
        return list(ScenarioListParams.defaults());
    }

    /**
     * Lists the team's scenarios that match the filters, by id ascending, lazily.
     *
     * @param params the filters and page size
     * @return the scenarios
     */
    public AutoPager<Scenario> list(ScenarioListParams params) {
        Objects.requireNonNull(params, "params");
        return http.pager(params.pageSize(), listRequest(params), "scenarios", Scenario::from, Scenario::id);
    }

    /**
     * Fetches one page of the listing.
     *
     * @param params the filters and page size
     * @param cursor null for the first page, else the previous page's {@link Page#nextCursor()}
     * @return the page; its next cursor is null after a short page
     */
    public Page<Scenario> page(ScenarioListParams params, String cursor) {
        Objects.requireNonNull(params, "params");
        long offset = cursor == null ? 0 : Long.parseLong(cursor);
        List<Scenario> items = http.page(listRequest(params), offset, params.pageSize(), "scenarios", Scenario::from);
        return Page.of(items, items.size() < params.pageSize() ? null : Long.toString(offset + items.size()));
    }

    private SdkRequest listRequest(ScenarioListParams params) {
        SdkRequest.Builder b = MakeHttp.request("GET", "scenarios.list", "scenarios")
                .query("teamId", Long.toString(http.teamId()));
        params.folderId().ifPresent(f -> b.query("folderId", Long.toString(f)));
        params.active().ifPresent(a -> b.query("isActive", Boolean.toString(a)));
        // A fixed order keeps offset paging stable while scenarios are edited (the default order is by activity).
        return b.query("pg[sortBy]", "id").query("pg[sortDir]", "asc").build();
    }

    /**
     * Fetches one scenario ({@code GET /scenarios/{id}}).
     *
     * @param scenarioId the scenario
     * @return the scenario
     * @throws com.rabaislocal.sdk.core.error.NotFoundException when it does not exist or is hidden
     */
    public Scenario get(long scenarioId) {
        Ids.positive("scenarioId", scenarioId);
        return Scenario.from(http.send(MakeHttp.request("GET", "scenarios.get", "scenarios", scenarioId).build())
                .object("scenario"));
    }

    /**
     * Activates a scenario ({@code POST /scenarios/{id}/start}). Make also runs a scenario scheduled at intervals
     * when it is activated. Safe to repeat: it sets a state, and an already active scenario is reported unchanged,
     * so it is retried like a read.
     *
     * @param scenarioId the scenario
     * @return the outcome
     */
    public ScenarioActivation activate(long scenarioId) {
        return setActive(scenarioId, true);
    }

    /**
     * Deactivates a scenario ({@code POST /scenarios/{id}/stop}). Safe to repeat, like {@link #activate(long)}.
     *
     * @param scenarioId the scenario
     * @return the outcome
     */
    public ScenarioActivation deactivate(long scenarioId) {
        return setActive(scenarioId, false);
    }

    private ScenarioActivation setActive(long scenarioId, boolean active) {
        Ids.positive("scenarioId", scenarioId);
        SdkRequest request = MakeHttp.request("POST", active ? "scenarios.activate" : "scenarios.deactivate",
                "scenarios", scenarioId, active ? "start" : "stop").repeatable(true).build();
        try {
            MakeHttp.Item s = http.send(request).object("scenario");
            return new ScenarioActivation(scenarioId, s.node().has("isActive") ? s.flag("isActive") : active, true);
        } catch (ApiException e) {
            if (MakeErrorParser.stateAlreadyHolds(e, active)) {
                return new ScenarioActivation(scenarioId, active, false);
            }
            throw e;
        }
    }

    /**
     * Runs a scenario now ({@code POST /scenarios/{id}/run}). Never retried: every request starts a new execution
     * and Make has no idempotency key, so an answer that times out leaves the outcome unknown; look in the logs
     * ({@code executions().logs(id)}) instead of running again.
     *
     * @param scenarioId the scenario, which must be active
     * @param params the inputs and whether to wait
     * @return the execution id and status URL (and, for a responsive run, its status and outputs)
     * @throws ScenarioNotActiveException when the scenario is not active
     * @throws ScenarioBusyException when it is executing already
     */
    public RunResult run(long scenarioId, RunParams params) {
        Ids.positive("scenarioId", scenarioId);
        Objects.requireNonNull(params, "params");
        SdkRequest request = MakeHttp.request("POST", "scenarios.run", "scenarios", scenarioId, "run")
                .jsonBody(params.body()).repeatable(false).build();
        MakeHttp.Item r = http.send(request).asItem();
        String executionId = r.requiredText("executionId");
        JsonNode outputs = r.path("outputs");
        return new RunResult(scenarioId, executionId, r.optText("statusUrl"),
                ExecutionStatus.parse(r.optText("status").orElse(null)),
                objectOrEmpty(outputs));
    }

    /**
     * Runs a scenario without inputs and without waiting.
     *
     * @param scenarioId the scenario, which must be active
     * @return the execution id and status URL
     */
    public RunResult run(long scenarioId) {
        return run(scenarioId, RunParams.defaults());
    }

    /**
     * Reads an execution's state ({@code GET /scenarios/{id}/executions/{executionId}}), e.g. to poll a run.
     *
     * @param scenarioId the scenario
     * @param executionId the execution, 32 lowercase hex digits
     * @return the state
     */
    public Execution execution(long scenarioId, String executionId) {
        Ids.positive("scenarioId", scenarioId);
        Ids.executionId(executionId);
        MakeHttp.Item r = http.send(MakeHttp.request("GET", "scenarios.execution", "scenarios", scenarioId,
                "executions", executionId).build()).asItem();
        ExecutionStatus status = ExecutionStatus.parse(r.requiredText("status"));
        JsonNode outputs = r.path("outputs");
        return new Execution(scenarioId, executionId, status,
                objectOrEmpty(outputs),
                ExecutionError.of(r));
    }

    private static JsonNode objectOrEmpty(JsonNode node) {
        return node.isObject() ? node : com.rabaislocal.sdk.core.json.SdkJson.mapper().createObjectNode();
    }
}
