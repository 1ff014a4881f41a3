package com.rabaislocal.sdk.make.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.make.executions.ExecutionError;
import com.rabaislocal.sdk.make.executions.ExecutionStatus;
import java.util.Optional;

/**
 * The state of one execution ({@code GET /scenarios/{id}/executions/{executionId}}).
 *
 * @param scenarioId the scenario
 * @param executionId the execution
 * @param status its status; {@link ExecutionStatus#RUNNING} until it ends
 * @param outputs its outputs, when it finished with some; an empty object otherwise
 * @param error why it failed, when it did
 */
public record Execution(long scenarioId, String executionId, ExecutionStatus status, JsonNode outputs,
                        Optional<ExecutionError> error) {

    /** Names the execution; the outputs are left out. */
    @Override
    public String toString() {
        return "Execution{scenarioId=" + scenarioId + ", executionId=" + executionId + ", status=" + status
                + error.map(e -> ", error=" + e.name()).orElse("") + '}';
    }
}
