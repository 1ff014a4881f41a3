package com.rabaislocal.sdk.make.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.make.executions.ExecutionStatus;
import java.util.Optional;

/**
 * What Make answered to a run on demand.
 *
 * @param scenarioId the scenario that was run
 * @param executionId the new execution's id (32 lowercase hex)
 * @param statusUrl where the execution's status can be read ({@code GET}, with the token); empty when Make gave
 *     none (a responsive run that finished)
 * @param status the execution's status when Make reported one (a responsive run), else {@link ExecutionStatus#UNKNOWN}
 * @param outputs the scenario's outputs of a responsive run; an empty object otherwise
 */
public record RunResult(long scenarioId, String executionId, Optional<String> statusUrl, ExecutionStatus status,
                        JsonNode outputs) {

    /** Names the execution; the outputs are left out. */
    @Override
    public String toString() {
        return "RunResult{scenarioId=" + scenarioId + ", executionId=" + executionId + ", status=" + status + '}';
    }
}
