package com.rabaislocal.sdk.make.blueprints;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scenario's blueprint as Make exports it: the flow of modules ({@code blueprint}) and, beside it, its
 * {@code scheduling}. Connections, keys and hooks appear in it only as numeric ids. The JSON is Make's own; the
 * accessors name what the SDK relies on.
 *
 * @param scenarioId the scenario
 * @param version the blueprint version asked for, empty for the current one
 * @param blueprint the blueprint object {@code {name, flow[], metadata}}
 * @param scheduling the scheduling object beside it; an empty object when absent
 */
public record Blueprint(long scenarioId, Optional<Long> version, JsonNode blueprint, JsonNode scheduling) {

    /** @return the blueprint's {@code name}; empty when absent */
    public String name() {
        return blueprint.path("name").asText("");
    }

    /**
     * Lists every module of the flow, routes ({@code routes[].flow}) and error handlers ({@code onerror}) included,
     * in document order.
     *
     * @return the modules
     */
    public List<Module> modules() {
        List<Module> out = new ArrayList<>();
        collect(blueprint.path("flow"), out);
        return out;
    }

    private static void collect(JsonNode flow, List<Module> out) {
        for (JsonNode m : flow) {
            if (!m.isObject()) {
                continue;
            }
            out.add(new Module(m.path("id").asLong(0), m.path("module").asText("")));
            for (JsonNode route : m.path("routes")) {
                collect(route.path("flow"), out);
            }
            collect(m.path("onerror"), out);
        }
    }

    /** Names the blueprint; the JSON is left out. */
    @Override
    public String toString() {
        return "Blueprint{scenarioId=" + scenarioId + ", version=" + version.map(String::valueOf).orElse("current")
                + ", name=" + name() + ", modules=" + modules().size() + '}';
    }

    /**
     * One module of a flow.
     *
     * @param id its id within the blueprint
     * @param module its app and name, e.g. {@code gateway:CustomWebHook}
     */
    public record Module(long id, String module) {
    }
}
