package com.rabaislocal.sdk.make.backup;

/** What a backup run found for one scenario, which decides its version bump. */
public enum Change {
    /** First backup of the scenario: version 1.0.0. */
    NEW,
    /** Same blueprint as the last backup: nothing written. */
    UNCHANGED,
    /** Only settings changed (parameters, mappings, filters, scheduling, name): patch bump. */
    PATCH,
    /** Modules were added and none removed: minor bump. */
    MINOR,
    /** Modules were removed: major bump. */
    MAJOR,
    /** The scenario no longer exists in Make: its file and manifest entry are removed (Git keeps the history). */
    REMOVED
}
