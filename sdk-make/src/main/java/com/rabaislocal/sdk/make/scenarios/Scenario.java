package com.rabaislocal.sdk.make.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.make.internal.MakeHttp;
import java.time.Instant;
import java.util.Optional;

/**
 * A Make scenario (a workflow) of the team.
 *
 * @param id the scenario id
 * @param name its name
 * @param teamId the team it belongs to
 * @param description its description; empty when none
 * @param active whether it is switched on ({@code isActive})
 * @param invalid whether Make stopped it after an error ({@code isinvalid})
 * @param locked whether it is locked ({@code islocked})
 * @param paused whether the subscription paused it ({@code isPaused})
 * @param schedulingType {@code scheduling.type} ({@code on-demand}, {@code indefinitely}, {@code immediately}, ...);
 *     empty when absent
 * @param lastEdit when it was last edited, if known
 * @param raw the scenario object as Make sent it, for fields this type does not name
 */
public record Scenario(long id, String name, long teamId, String description, boolean active, boolean invalid,
                       boolean locked, boolean paused, String schedulingType, Optional<Instant> lastEdit,
                       JsonNode raw) {

    /**
     * Reads a scenario object.
     *
     * @param item the object
     * @return the scenario
     */
    public static Scenario from(MakeHttp.Item item) {
        boolean active = item.node().has("isActive") ? item.flag("isActive") : item.flag("islinked");
        return new Scenario(item.requiredLong("id"), item.optText("name").orElse(""),
                item.optLong("teamId").orElse(0L), item.optText("description").orElse(""), active,
                item.flag("isinvalid"), item.flag("islocked"), item.flag("isPaused"),
                item.path("scheduling").path("type").asText(""), item.optInstant("lastEdit"), item.node());
    }

    /** Names the scenario; the raw JSON is left out. */
    @Override
    public String toString() {
        return "Scenario{id=" + id + ", name=" + name + ", active=" + active + ", scheduling=" + schedulingType + '}';
    }
}
