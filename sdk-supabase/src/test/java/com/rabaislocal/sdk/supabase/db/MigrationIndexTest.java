package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** The shipped migrations: INDEX matches the folder, names follow the seed's format, the shim stays out. */
class MigrationIndexTest {

    /** The seed's format: XX_module_Y_description.sql, for example 01_module_a_create_users.sql. */
    private static final Pattern SEED_NAME = Pattern.compile("[0-9]{2}_module_[a-z]_[a-z0-9_]+\\.sql");

    private static List<String> filesInFolder() throws IOException, URISyntaxException {
        URL folder = MigrationIndexTest.class.getClassLoader().getResource(MigrationRunner.DEFAULT_LOCATION);
        assertEquals("file", folder.getProtocol(), "the tests read the migrations from target/classes");
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    private static MigrationRunner runner(String location) {
        return MigrationRunner.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:5432/unused").location(location).build();
    }

    @Test
    void theIndexListsExactlyTheSqlFilesOfTheFolder() throws Exception {
        List<String> files = filesInFolder();
        assertEquals(files, runner(MigrationRunner.DEFAULT_LOCATION).available());
        assertEquals(8, files.size(), files.toString());
    }

    @Test
    void everyFileFollowsTheSeedNamingAndTheOrderIsTheModuleOrder() throws Exception {
        List<String> files = filesInFolder();
        for (String f : files) {
            assertTrue(SEED_NAME.matcher(f).matches(), f + " does not follow XX_module_Y_description.sql");
        }
        assertEquals("01_module_a_create_users.sql", files.get(0));
        assertEquals(files.stream().distinct().count(), files.stream().map(f -> f.substring(0, 2)).distinct().count(),
                "each number is used once");
    }

    @Test
    void theSupabaseShimIsNeverPartOfTheMigrations() throws Exception {
        for (String f : filesInFolder()) {
            String sql = TestDatabase.resource(MigrationRunner.DEFAULT_LOCATION + "/" + f).toLowerCase(Locale.ROOT);
            assertFalse(sql.contains("create role"), f + " creates a role");
            assertFalse(sql.contains("create schema"), f + " creates a schema");
            assertFalse(sql.contains("create table if not exists auth."), f + " creates an auth table");
            assertFalse(sql.contains("function auth."), f + " defines an auth function");
        }
    }

    @Test
    void aBrokenIndexIsReportedWithEveryProblemAtOnce() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> runner("db/test-migrations/bad-index").available());
        String message = e.getMessage();
        assertTrue(message.contains("line 1: '01_module_t_missing.sql' is listed but"), message);
        assertTrue(message.contains("line 2: 'notes.txt' is not a migration file name"), message);
        assertTrue(message.contains("line 5: '02_module_t_twice.sql' is listed twice"), message);
    }

    @Test
    void aMissingIndexIsReported() {
        MigrationException e = assertThrows(MigrationException.class, () -> runner("db/nowhere").available());
        assertEquals("migration index db/nowhere/INDEX not found on the classpath", e.getMessage());
    }

    @Test
    void checksumsAreSha256AndIgnoreLineEndingStyle() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MigrationScript.checksum(""));
        assertEquals(MigrationScript.checksum("select 1;\nselect 2;\n"),
                MigrationScript.checksum("select 1;\r\nselect 2;\r\n"));
        assertNotEquals(MigrationScript.checksum("select 1;"), MigrationScript.checksum("select 2;"));
    }
}
