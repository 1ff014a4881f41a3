package com.rabaislocal.sdk.make.scenarios;

/**
 * The outcome of activating or deactivating a scenario.
 *
 * @param scenarioId the scenario
 * @param active whether it is active now
 * @param changed false when it already was in the requested state (Make's "Scenario is already running" or
 *     "Scenario is not running")
 */
public record ScenarioActivation(long scenarioId, boolean active, boolean changed) {
}
