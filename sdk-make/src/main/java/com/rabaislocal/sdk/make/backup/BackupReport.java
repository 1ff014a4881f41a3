package com.rabaislocal.sdk.make.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * What one backup run did.
 *
 * @param entries one entry per scenario, by id
 * @param manifest the manifest's path
 */
public record BackupReport(List<Entry> entries, Path manifest) {

    /**
     * Copies the entries.
     *
     * @param entries one entry per scenario, by id
     * @param manifest the manifest's path
     */
    public BackupReport {
        entries = List.copyOf(entries);
    }

    /** @return true when the run wrote or removed any file */
    public boolean changed() {
        return entries.stream().anyMatch(e -> e.change() != Change.UNCHANGED);
    }

    /**
     * One scenario's outcome.
     *
     * @param scenarioId the scenario
     * @param name its name
     * @param version its backup version after the run
     * @param change what changed
     * @param file its file name in the folder
     */
    public record Entry(long scenarioId, String name, SemanticVersion version, Change change, String file) {
    }
}
