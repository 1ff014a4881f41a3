package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.supabase.tables.AiAgent;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code ai_agents} definitions, with the whole CRUD template: admins insert, update, soft-delete and restore;
 * the service role purges; signed-in users read the active, non-deleted agents. Immutable and thread-safe; get it
 * from {@link SupabaseCrud#aiAgents()}.
 */
public final class AiAgentsRepository extends SoftDeleteRepository<AiAgent, UUID, AiAgentsRepository> {

    static final Table<AiAgent> TABLE;

    static {
        Set<String> writable = Set.of("name", "model", "system_prompt", "temperature", "tools", "active", "owner_id");
        Set<String> insert = new HashSet<>(writable);
        insert.add("id");
        TABLE = new Table<>(AiAgent.TABLE, AiAgent.class, Table.Ids.CLIENT_UUID, insert, writable,
                Set.of("name", "model", "system_prompt", "temperature", "tools", "active"), Set.of(), true);
    }

    AiAgentsRepository(CrudContext ctx, RowValidator<AiAgent> validator, boolean includeDeleted) {
        super(TABLE, ctx, validator, includeDeleted);
    }

    @Override
    AiAgentsRepository copy(RowValidator<AiAgent> validator, boolean includeDeleted) {
        return new AiAgentsRepository(ctx, validator, includeDeleted);
    }

    /**
     * Returns the built-in checks of an agent, mirroring the table's constraints: {@code name} and {@code model} not
     * blank, at most 100 characters; {@code system_prompt} at most 100,000 characters; {@code temperature}, when
     * set, from 0 to 2 with at most two decimals.
     *
     * @return the validator every {@code AiAgentsRepository} starts with
     */
    public static RowValidator<AiAgent> defaultValidator() {
        return a -> new Checks()
                .text("name", a.name(), true, 100)
                .text("model", a.model(), true, 100)
                .maxLength("system_prompt", a.systemPrompt(), 100_000)
                .decimal("temperature", a.temperature(), BigDecimal.ZERO, false, BigDecimal.valueOf(2), 2)
                .result();
    }

    /**
     * Lists the active agents by name.
     *
     * @return the active, non-deleted agents this client may see
     */
    public List<AiAgent> listActive() {
        return list(q -> q.is("active", true).order("name").order("id"));
    }
}
