package com.rabaislocal.sdk.openai.agents;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents held in memory, for tests and the examples; names match case-insensitively, as in the table. Thread-safe.
 */
public final class InMemoryAgentStore implements AgentStore {

    private final Map<String, AgentDefinition> agents = new ConcurrentHashMap<>();

    /**
     * Adds or replaces an agent.
     *
     * @param agent the agent
     * @return this store
     */
    public InMemoryAgentStore put(AgentDefinition agent) {
        agents.put(agent.name().toLowerCase(Locale.ROOT), agent);
        return this;
    }

    @Override
    public Optional<AgentDefinition> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(agents.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "InMemoryAgentStore{agents=" + agents.size() + '}';
    }
}
