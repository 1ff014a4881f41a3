package com.rabaislocal.sdk.make.blueprints;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.make.internal.Ids;
import com.rabaislocal.sdk.make.internal.MakeHttp;
import java.util.List;
import java.util.Optional;

/**
 * Scenarios' blueprints and their versions (scope {@code scenarios:read}). A cheap view over the client.
 */
public final class BlueprintService {

    private final MakeHttp http;

    /**
     * Creates the view (the client's {@code blueprints()} does).
     *
     * @param http the client's calls
     */
    public BlueprintService(MakeHttp http) {
        this.http = http;
    }

    /**
     * Fetches a scenario's current blueprint ({@code GET /scenarios/{id}/blueprint}).
     *
     * @param scenarioId the scenario
     * @return the blueprint and its scheduling
     */
    public Blueprint get(long scenarioId) {
        return fetch(scenarioId, null);
    }

    /**
     * Fetches one saved version of a scenario's blueprint ({@code ?blueprintId=}).
     *
     * @param scenarioId the scenario
     * @param version a version from {@link #versions(long)}
     * @return the blueprint of that version
     */
    public Blueprint get(long scenarioId, long version) {
        return fetch(scenarioId, Ids.positive("version", version));
    }

    private Blueprint fetch(long scenarioId, Long version) {
        Ids.positive("scenarioId", scenarioId);
        SdkRequest.Builder b = MakeHttp.request("GET", "blueprints.get", "scenarios", scenarioId, "blueprint");
        if (version != null) {
            b.query("blueprintId", Long.toString(version));
        }
        MakeHttp.Item response = http.send(b.build()).object("response");
        JsonNode blueprint = response.path("blueprint");
        if (!blueprint.isObject() || !blueprint.path("flow").isArray()) {
            throw response.unexpected("expected 'response.blueprint' with a 'flow' array");
        }
        JsonNode scheduling = response.path("scheduling");
        return new Blueprint(scenarioId, Optional.ofNullable(version), blueprint,
                scheduling.isObject() ? scheduling : SdkJson.mapper().createObjectNode());
    }

    /**
     * Lists the saved versions of a scenario's blueprint ({@code GET /scenarios/{id}/blueprints}).
     *
     * @param scenarioId the scenario
     * @return the versions, as Make lists them
     */
    public List<BlueprintVersion> versions(long scenarioId) {
        Ids.positive("scenarioId", scenarioId);
        return http.send(MakeHttp.request("GET", "blueprints.versions", "scenarios", scenarioId, "blueprints")
                .build()).list("scenariosBlueprints", i -> new BlueprintVersion(scenarioId,
                i.requiredLong("version"), i.optInstant("created"), i.flag("draft")));
    }
}
