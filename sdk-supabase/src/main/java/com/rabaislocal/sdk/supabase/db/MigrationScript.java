package com.rabaislocal.sdk.supabase.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One migration file read from the classpath: its name, its SQL and the SHA-256 checksum recorded once applied. */
final class MigrationScript {

    /** The index file listing the migrations of a location, one file name per line. */
    static final String INDEX_FILE = "INDEX";

    /** The file names the Supabase CLI accepts too: a numeric version, an underscore, a description. */
    static final Pattern FILENAME = Pattern.compile("[0-9]+_[A-Za-z0-9_-]+\\.sql");

    private final String filename;
    private final String sql;
    private final String checksum;

    MigrationScript(String filename, String sql) {
        this.filename = filename;
        this.sql = sql;
        this.checksum = checksum(sql);
    }

    String filename() {
        return filename;
    }

    String sql() {
        return sql;
    }

    String checksum() {
        return checksum;
    }

    /**
     * Reads the scripts listed in {@code <location>/INDEX}, sorted by file name (the order the Supabase CLI uses).
     * Every problem found (bad name, duplicate, missing file) is reported at once.
     */
    static List<MigrationScript> load(ClassLoader classLoader, String location) {
        String indexPath = location + "/" + INDEX_FILE;
        String index = read(classLoader, indexPath);
        if (index == null) {
            throw new MigrationException("migration index " + indexPath + " not found on the classpath");
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<MigrationScript> scripts = new ArrayList<>();
        String[] lines = index.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String name = lines[i].strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String where = indexPath + " line " + (i + 1);
            if (!FILENAME.matcher(name).matches()) {
                problems.add(where + ": '" + name + "' is not a migration file name (expected <number>_<description>.sql)");
            } else if (!seen.add(name)) {
                problems.add(where + ": '" + name + "' is listed twice");
            } else {
                String sql = read(classLoader, location + "/" + name);
                if (sql == null) {
                    problems.add(where + ": '" + name + "' is listed but " + location + "/" + name
                            + " is not on the classpath");
                } else {
                    scripts.add(new MigrationScript(name, sql));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationException("invalid migration index " + indexPath + ":\n  - "
                    + String.join("\n  - ", problems));
        }
        scripts.sort((a, b) -> a.filename.compareTo(b.filename));
        return List.copyOf(scripts);
    }

    /** SHA-256 of the text with line endings normalised, so a checkout with CRLF does not look like an edit. */
    static String checksum(String sql) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String read(ClassLoader classLoader, String path) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new MigrationException("cannot read " + path + " from the classpath: " + e.getMessage(),
                    null, null, e);
        }
    }
}
