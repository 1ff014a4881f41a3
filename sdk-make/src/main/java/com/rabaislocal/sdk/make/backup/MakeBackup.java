package com.rabaislocal.sdk.make.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.make.blueprints.Blueprint;
import com.rabaislocal.sdk.make.scenarios.Scenario;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Backs up every scenario's blueprint of the team into a folder meant to be committed to Git: one file per
 * scenario, {@code <id>-<slug>.json}, holding {@code {scenario:{id,name}, blueprint, scheduling}} as stable JSON
 * (sorted keys, two-space indentation, {@code \n}), and {@value #MANIFEST} listing each scenario's id, name,
 * version, hash, file and export time.
 *
 * <p>Each scenario has a semantic version, {@code 1.0.0} at its first backup, bumped when its file changes:
 * <b>major</b> when modules were removed (by module id, routes and error handlers included), <b>minor</b> when
 * modules were added and none removed, <b>patch</b> when only settings changed (parameters, mappings, filters,
 * scheduling, the name). A run that finds nothing changed writes nothing, the manifest included. A scenario no
 * longer in Make loses its file and entry (Git keeps its history).
 *
 * <p>Make puts connections, keys and hooks in blueprints as ids only; values under credential-like keys
 * ({@code password}, {@code apiKey}, {@code token}, {@code Authorization}, ...) are still replaced by
 * {@code [redacted]}, so no credential typed into a module reaches the folder.
 *
 * <p>Needs the {@code scenarios:read} scope. Not thread-safe: run one backup of a folder at a time.
 */
public final class MakeBackup {

    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";

    private final MakeClient client;
    private final Path directory;
    private final Clock clock;

    private MakeBackup(Builder b) {
        this.client = b.client;
        this.directory = b.directory;
        this.clock = b.clock;
    }

    /** @return a builder; the client and the folder are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the backup.
     *
     * @return what changed, per scenario
     * @throws RabaisSdkException when the folder cannot be read or written (Make's errors as they are)
     */
    public BackupReport run() {
        try {
            Files.createDirectories(directory);
            Map<Long, ManifestEntry> previous = readManifest();
            Map<Long, ManifestEntry> next = new TreeMap<>();
            List<BackupReport.Entry> report = new ArrayList<>();
            Set<String> keep = new HashSet<>();
            String now = clock.instant().toString();
            for (Scenario s : client.scenarios().list()) {
                Blueprint blueprint = client.blueprints().get(s.id());
                byte[] content = CanonicalJson.bytes(CanonicalJson.canonical(document(s, blueprint)));
                String hash = CanonicalJson.hash(content);
                String file = s.id() + "-" + slug(s.name()) + ".json";
                keep.add(file);
                ManifestEntry old = previous.get(s.id());
                if (old != null && old.hash.equals(hash) && old.file.equals(file)
                        && Files.exists(directory.resolve(file))) {
                    next.put(s.id(), old);
                    report.add(new BackupReport.Entry(s.id(), s.name(), old.version, Change.UNCHANGED, file));
                    continue;
                }
                Change change = old == null ? Change.NEW : classify(old, blueprint);
                SemanticVersion version = old == null ? SemanticVersion.INITIAL : old.version.bump(change);
                write(directory.resolve(file), content);
                if (old != null && !old.file.equals(file)) {
                    Files.deleteIfExists(directory.resolve(old.file));
                }
                next.put(s.id(), new ManifestEntry(s.id(), s.name(), version, hash, file, now));
                report.add(new BackupReport.Entry(s.id(), s.name(), version, change, file));
            }
            for (ManifestEntry gone : previous.values()) {
                if (!next.containsKey(gone.id)) {
                    if (!keep.contains(gone.file)) {
                        Files.deleteIfExists(directory.resolve(gone.file));
                    }
                    report.add(new BackupReport.Entry(gone.id, gone.name, gone.version, Change.REMOVED, gone.file));
                }
            }
            report.sort(java.util.Comparator.comparingLong(BackupReport.Entry::scenarioId));
            BackupReport result = new BackupReport(report, directory.resolve(MANIFEST));
            if (result.changed()) {
                writeManifest(next);
            }
            return result;
        } catch (IOException e) {
            throw new RabaisSdkException("make backup: cannot read or write " + directory + ": " + e, e);
        }
    }

    private static JsonNode document(Scenario s, Blueprint b) {
        ObjectNode doc = SdkJson.mapper().createObjectNode();
        doc.putObject("scenario").put("id", s.id()).put("name", s.name());
        doc.set("blueprint", b.blueprint());
        doc.set("scheduling", b.scheduling());
        return doc;
    }

    /** Compares the modules of the last backup's file with the new blueprint's. */
    private Change classify(ManifestEntry old, Blueprint now) throws IOException {
        Path oldFile = directory.resolve(old.file);
        if (!Files.exists(oldFile)) {
            // The previous file was removed by hand: the change cannot be measured, so count it as settings only.
            return Change.PATCH;
        }
        JsonNode before = SdkJson.mapper().readTree(oldFile.toFile());
        Set<Long> was = moduleIds(new Blueprint(old.id, Optional.empty(), before.path("blueprint"),
                before.path("scheduling")));
        Set<Long> is = moduleIds(now);
        if (!is.containsAll(was)) {
            return Change.MAJOR;
        }
        return is.size() > was.size() ? Change.MINOR : Change.PATCH;
    }

    private static Set<Long> moduleIds(Blueprint b) {
        Set<Long> ids = new HashSet<>();
        b.modules().forEach(m -> ids.add(m.id()));
        return ids;
    }

    /**
     * Turns a scenario name into a file-name slug: lower-case ASCII letters and digits joined by {@code -}, accents
     * dropped, at most 60 characters; {@code scenario} when nothing is left.
     *
     * @param name the name
     * @return the slug
     */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "scenario" : s;
    }

    private Map<Long, ManifestEntry> readManifest() throws IOException {
        Map<Long, ManifestEntry> out = new TreeMap<>();
        Path p = directory.resolve(MANIFEST);
        if (!Files.exists(p)) {
            return out;
        }
        JsonNode root = SdkJson.mapper().readTree(p.toFile());
        for (JsonNode e : root.path("scenarios")) {
            try {
                ManifestEntry m = new ManifestEntry(e.path("id").asLong(), e.path("name").asText(""),
                        SemanticVersion.parse(e.path("version").asText()), e.path("hash").asText(""),
                        e.path("file").asText(""), e.path("exportedAt").asText(""));
                if (m.id <= 0 || m.file.isEmpty() || m.file.contains("/") || m.file.contains("\\")) {
                    throw new ValidationException("manifest", "entry without id or with a bad file name");
                }
                out.put(m.id, m);
            } catch (ValidationException bad) {
                throw new RabaisSdkException("make backup: " + p + " has an invalid entry (" + bad.getMessage()
                        + "); fix or delete it", bad);
            }
        }
        return out;
    }

    private void writeManifest(Map<Long, ManifestEntry> entries) throws IOException {
        ObjectNode root = SdkJson.mapper().createObjectNode();
        root.put("format", 1);
        ArrayNode list = root.putArray("scenarios");
        for (ManifestEntry e : entries.values()) {
            list.addObject().put("id", e.id).put("name", e.name).put("version", e.version.toString())
                    .put("hash", e.hash).put("file", e.file).put("exportedAt", e.exportedAt);
        }
        write(directory.resolve(MANIFEST), CanonicalJson.bytes(CanonicalJson.canonical(root)));
    }

    /** Writes through a temporary file and a move, so a crash never leaves half a file. */
    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".backup-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private record ManifestEntry(long id, String name, SemanticVersion version, String hash, String file,
                                 String exportedAt) {
    }

    /** Builds a {@link MakeBackup}; {@link #build()} validates. */
    public static final class Builder {
        private MakeClient client;
        private Path directory;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the client whose team is backed up.
         *
         * @param client the client; required
         * @return this builder
         */
        public Builder client(MakeClient client) {
            this.client = client;
            return this;
        }

        /**
         * Sets the folder (created when missing).
         *
         * @param directory the folder, e.g. a Git working copy's {@code make-backup/}; required
         * @return this builder
         */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /**
         * Sets the clock of {@code exportedAt}.
         *
         * @param clock default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the backup
         * @throws ValidationException naming every missing setting
         */
        public MakeBackup build() {
            Map<String, List<String>> errors = new TreeMap<>();
            if (client == null) {
                errors.put("client", List.of("is required"));
            }
            if (directory == null) {
                errors.put("directory", List.of("is required"));
            } else if (Files.exists(directory) && !Files.isDirectory(directory)) {
                errors.put("directory", List.of("is not a folder: " + directory));
            }
            if (clock == null) {
                errors.put("clock", List.of("must not be null"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("make backup", errors);
            }
            return new MakeBackup(this);
        }
    }

    /** @return the folder backed up into */
    public Path directory() {
        return directory;
    }
}
