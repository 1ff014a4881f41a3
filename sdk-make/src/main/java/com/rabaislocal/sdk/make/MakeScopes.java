package com.rabaislocal.sdk.make;

import java.util.Set;

/**
 * The Make API token scopes this module's calls need, for {@link MakeClient#verifyToken(java.util.Collection)}.
 */
public final class MakeScopes {

    /** List and get scenarios, blueprints and versions, logs. */
    public static final String SCENARIOS_READ = "scenarios:read";
    /** Activate and deactivate scenarios. */
    public static final String SCENARIOS_WRITE = "scenarios:write";
    /** Run scenarios on demand. */
    public static final String SCENARIOS_RUN = "scenarios:run";
    /** Read incomplete executions. */
    public static final String DLQS_READ = "dlqs:read";
    /** List and read hooks. */
    public static final String HOOKS_READ = "hooks:read";
    /** Read the team (and its usage). */
    public static final String TEAMS_READ = "teams:read";
    /** Read the organization's usage. */
    public static final String ORGANIZATIONS_READ = "organizations:read";

    /** What the weekly backup and the failure monitoring need. */
    public static final Set<String> BACKUP_AND_MONITORING = Set.of(SCENARIOS_READ);

    /** Every scope some call of this module uses. */
    public static final Set<String> ALL = Set.of(SCENARIOS_READ, SCENARIOS_WRITE, SCENARIOS_RUN, DLQS_READ,
            HOOKS_READ, TEAMS_READ, ORGANIZATIONS_READ);

    private MakeScopes() {
    }
}
