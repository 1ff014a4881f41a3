package com.rabaislocal.sdk.openai.agents;

import com.rabaislocal.sdk.supabase.crud.AiAgentsRepository;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import com.rabaislocal.sdk.supabase.tables.AiAgent;
import java.util.List;
import java.util.Optional;

/**
 * Reads agents from {@code ai_agents} with sdk-supabase's repository ({@code name = <name>}, soft-deleted rows
 * left out). Under row-level security, signed-in users see only active agents, so an inactive one reads as absent
 * for them; a service-role or admin client sees it and the runner refuses it as inactive. Thread-safe.
 */
public final class SupabaseAgentStore implements AgentStore {

    private final AiAgentsRepository agents;

    /**
     * Creates the store.
     *
     * @param agents the repository, e.g. {@code crud.aiAgents()}
     */
    public SupabaseAgentStore(AiAgentsRepository agents) {
        this.agents = agents;
    }

    /**
     * Creates the store over a CRUD facade.
     *
     * @param crud the facade
     * @return the store
     */
    public static SupabaseAgentStore of(SupabaseCrud crud) {
        return new SupabaseAgentStore(crud.aiAgents());
    }

    @Override
    public Optional<AgentDefinition> find(String name) {
        List<AiAgent> rows = agents.list(q -> q.eq("name", name).limit(1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(AgentDefinition.from(rows.get(0)));
    }

    @Override
    public String toString() {
        return "SupabaseAgentStore{table=" + agents.table() + '}';
    }
}
