package com.rabaislocal.sdk.make.executions;

import com.rabaislocal.sdk.make.internal.MakeHttp;
import java.time.Instant;
import java.util.Optional;

/**
 * An incomplete execution (Make's "DLQ" item): a run that stopped on an error and waits to be resolved or retried.
 *
 * @param id its id (32 hex)
 * @param scenarioId the scenario
 * @param reason why it stopped, as Make words it; empty when none
 * @param created when it was stored, if known
 * @param size the stored bundle's size in bytes
 * @param resolved whether it was marked resolved
 * @param attempts how many retries were made
 */
public record IncompleteExecution(String id, long scenarioId, String reason, Optional<Instant> created, long size,
                                  boolean resolved, long attempts) {

    /**
     * Reads an item of {@code GET /dlqs}.
     *
     * @param scenarioId the scenario asked for
     * @param item the item
     * @return the incomplete execution
     */
    public static IncompleteExecution from(long scenarioId, MakeHttp.Item item) {
        return new IncompleteExecution(item.requiredText("id"), scenarioId, item.optText("reason").orElse(""),
                item.optInstant("created"), item.optLong("size").orElse(0L), item.flag("resolved"),
                item.optLong("attempts").orElse(0L));
    }
}
