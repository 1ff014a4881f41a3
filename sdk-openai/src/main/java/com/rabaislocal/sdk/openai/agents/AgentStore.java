package com.rabaislocal.sdk.openai.agents;

import java.util.Optional;

/**
 * Where the runner finds agents by name: the {@code ai_agents} table through sdk-supabase
 * ({@link SupabaseAgentStore}), or memory ({@link InMemoryAgentStore}) for tests and examples. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface AgentStore {

    /**
     * Finds an agent, active or not (the runner refuses inactive ones itself, with a clear error).
     *
     * @param name the agent's name
     * @return the agent, or empty when there is none (or it is soft-deleted)
     */
    Optional<AgentDefinition> find(String name);
}
