package com.rabaislocal.sdk.openai.agents;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.tables.AiAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An agent as the runner uses it: a row of {@code ai_agents} (module F). {@link #toString()} never shows the
 * system prompt.
 *
 * @param name the agent's name, unique
 * @param model the model, e.g. {@code gpt-4o-mini}
 * @param systemPrompt the system prompt, empty for none
 * @param temperature 0 to 2, or null for OpenAI's default
 * @param toolNames the names of the tools the agent may call, in order
 * @param active whether the agent may run
 */
public record AgentDefinition(String name, String model, String systemPrompt, Double temperature,
                              List<String> toolNames, boolean active) {

    /**
     * Checks the values.
     *
     * @param name the agent's name, unique
     * @param model the model, e.g. {@code gpt-4o-mini}
     * @param systemPrompt the system prompt, empty for none
     * @param temperature 0 to 2, or null for OpenAI's default
     * @param toolNames the names of the tools the agent may call, in order
     * @param active whether the agent may run
     * @throws ValidationException naming every missing value
     */
    public AgentDefinition {
        if (name == null || name.isBlank() || model == null || model.isBlank()) {
            throw new ValidationException("agent definition", "needs a name and a model (name=" + name + ")");
        }
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        toolNames = toolNames == null ? List.of() : List.copyOf(toolNames);
    }

    /**
     * Reads an {@code ai_agents} row. Its {@code tools} array holds tool names, as strings ({@code "find_deals"}),
     * as objects with a name ({@code {"name": "find_deals"}}) or in OpenAI's tool form
     * ({@code {"type": "function", "function": {"name": "find_deals"}}}); the definitions themselves come from the
     * Java functions registered under those names.
     *
     * @param row the row
     * @return the definition
     * @throws ValidationException when a {@code tools} entry names no tool
     */
    public static AgentDefinition from(AiAgent row) {
        List<String> names = new ArrayList<>();
        List<Object> tools = row.tools() == null ? List.of() : row.tools();
        for (int i = 0; i < tools.size(); i++) {
            String n = toolName(tools.get(i));
            if (n == null || n.isBlank()) {
                throw new ValidationException("ai_agents.tools[" + i + "]", "of agent '" + row.name()
                        + "' names no tool (a string, {\"name\": ...} or {\"function\": {\"name\": ...}})");
            }
            names.add(n);
        }
        return new AgentDefinition(row.name(), row.model(), row.systemPrompt(),
                row.temperature() == null ? null : row.temperature().doubleValue(), names,
                row.active() == null || row.active());
    }

    private static String toolName(Object entry) {
        if (entry instanceof String) {
            return (String) entry;
        }
        if (entry instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) entry;
            if (m.get("name") instanceof String) {
                return (String) m.get("name");
            }
            if (m.get("function") instanceof Map && ((Map<?, ?>) m.get("function")).get("name") instanceof String) {
                return (String) ((Map<?, ?>) m.get("function")).get("name");
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "AgentDefinition{name=" + name + ", model=" + model + ", temperature=" + temperature + ", tools="
                + toolNames + ", active=" + active + ", systemPrompt=" + systemPrompt.length() + " chars}";
    }
}
