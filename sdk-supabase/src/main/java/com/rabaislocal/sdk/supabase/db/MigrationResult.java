package com.rabaislocal.sdk.supabase.db;

import java.util.List;

/**
 * What one {@link MigrationRunner#migrate()} call did.
 *
 * @param applied the files applied by this call, in the order they ran; empty when the database was up to date
 * @param alreadyApplied the files found already applied (with an unchanged checksum) and therefore skipped
 */
public record MigrationResult(List<String> applied, List<String> alreadyApplied) {

    /**
     * Creates a result; both lists are copied.
     *
     * @param applied the files applied by this call, in order
     * @param alreadyApplied the files skipped because they were already applied
     */
    public MigrationResult {
        applied = List.copyOf(applied);
        alreadyApplied = List.copyOf(alreadyApplied);
    }

    /**
     * Tells whether this call changed the database.
     *
     * @return {@code true} when at least one file was applied
     */
    public boolean changedSomething() {
        return !applied.isEmpty();
    }
}
