package com.rabaislocal.sdk.make.blueprints;

import java.time.Instant;
import java.util.Optional;

/**
 * One saved version of a scenario's blueprint (Make keeps versions younger than 60 days).
 *
 * @param scenarioId the scenario
 * @param version the version number, to pass to {@link BlueprintService#get(long, long)}
 * @param created when it was saved, if known
 * @param draft whether it is a draft
 */
public record BlueprintVersion(long scenarioId, long version, Optional<Instant> created, boolean draft) {
}
