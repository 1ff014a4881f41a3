package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped migration files: names follow the seed's format, one number each, the shim stays out. */
class MigrationFilesTest {

    /** The seed's format: XX_module_Y_description.sql, for example 01_module_a_create_users.sql. */
    private static final Pattern SEED_NAME = Pattern.compile("[0-9]{2}_module_[a-z]_[a-z0-9_]+\\.sql");

    static final String FOLDER = SupabaseMigrations.LOCATION.substring("classpath:".length());

    static List<String> filesInFolder() throws IOException, URISyntaxException {
        URL folder = MigrationFilesTest.class.getClassLoader().getResource(FOLDER);
        assertEquals("file", folder.getProtocol(), "the tests read the migrations from target/classes");
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFolderHoldsOnlyTheEightSqlMigrations() throws Exception {
        List<String> files = filesInFolder();
        assertEquals(8, files.size(), files.toString());
        assertTrue(files.stream().allMatch(f -> f.endsWith(".sql")), "nothing but migrations: " + files);
    }

    @Test
    void everyFileFollowsTheSeedNamingAndTheOrderIsTheModuleOrder() throws Exception {
        List<String> files = filesInFolder();
        for (String f : files) {
            assertTrue(SEED_NAME.matcher(f).matches(), f + " does not follow XX_module_Y_description.sql");
        }
        assertEquals("01_module_a_create_users.sql", files.get(0));
        assertEquals(files.size(), files.stream().map(f -> f.substring(0, 2)).distinct().count(),
                "each number is used once");
    }

    @Test
    void theSupabaseShimIsNeverPartOfTheMigrations() throws Exception {
        for (String f : filesInFolder()) {
            String sql = TestDatabase.resource(FOLDER + "/" + f).toLowerCase(Locale.ROOT);
            assertFalse(sql.contains("create role"), f + " creates a role");
            assertFalse(sql.contains("create schema"), f + " creates a schema");
            assertFalse(sql.contains("create table if not exists auth."), f + " creates an auth table");
            assertFalse(sql.contains("function auth."), f + " defines an auth function");
        }
    }
}
