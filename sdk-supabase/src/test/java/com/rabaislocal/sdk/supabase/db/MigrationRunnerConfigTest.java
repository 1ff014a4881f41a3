package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** MigrationRunner's builder, its validation, and how it reports connection failures without leaking secrets. */
class MigrationRunnerConfigTest {

    private static final String SECRET = "hunter2-s3cret";

    @Test
    void defaultsAreDocumentedValues() {
        MigrationRunner runner = MigrationRunner.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:5432/postgres").build();
        assertEquals("db/migrations", runner.location());
        assertEquals("rabaislocal.schema_migrations", runner.historyTable());
        assertEquals(Duration.ofSeconds(60), runner.lockTimeout());
        assertEquals(MigrationRunner.DEFAULT_LOCK_KEY, runner.lockKey());
        assertEquals(MigrationRunner.class.getClassLoader(), runner.classLoader());
        assertTrue(runner.dataSource().isEmpty());
        assertTrue(runner.user().isEmpty());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        MigrationRunner runner = MigrationRunner.builder().dataSource(ds).location("/app/migrations/")
                .historyTable("app.history").lockKey(42).lockTimeout(Duration.ofMillis(1500)).build();
        MigrationRunner copy = runner.toBuilder().build();
        assertSame(ds, copy.dataSource().orElseThrow());
        assertEquals("app/migrations", copy.location());
        assertEquals("app.history", copy.historyTable());
        assertEquals(42, copy.lockKey());
        assertEquals(Duration.ofMillis(1500), copy.lockTimeout());
        assertEquals("mig", runner.toBuilder().location("mig").build().location());
    }

    @Test
    void buildListsEveryProblemAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> MigrationRunner.builder()
                .historyTable("Bad Name").lockTimeout(Duration.ZERO).location(" / ").build());
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("set dataSource(...) or jdbcUrl(...)"), e.getMessage());
        assertTrue(e.getMessage().contains("MigrationRunner.historyTable: 'Bad Name' must be schema.table"));
        assertTrue(e.getMessage().contains("MigrationRunner.lockTimeout: must be a positive duration"));
        assertTrue(e.getMessage().contains("MigrationRunner.location"));

        ConfigException both = assertThrows(ConfigException.class, () -> MigrationRunner.builder()
                .dataSource(new PGSimpleDataSource()).jdbcUrl("jdbc:postgresql://h/db").user("u").build());
        assertEquals(2, both.problems().size(), both.getMessage());
        assertTrue(both.getMessage().contains("not both"));
        assertTrue(both.getMessage().contains("apply to jdbcUrl(...) only"));
    }

    @Test
    void aNonJdbcUrlIsRejectedWithoutEchoingItsSecrets() {
        ConfigException e = assertThrows(ConfigException.class, () -> MigrationRunner.builder()
                .jdbcUrl("postgres://admin:" + SECRET + "@db.example.test:5432/postgres?password=" + SECRET).build());
        assertTrue(e.getMessage().contains("is not a JDBC URL"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void toStringHidesThePasswordAndTheUrlQuery() {
        MigrationRunner runner = MigrationRunner.builder()
                .jdbcUrl("jdbc:postgresql://db.example.test:5432/postgres?sslmode=require&password=" + SECRET)
                .user("postgres").password(Secret.of(SECRET)).build();
        assertFalse(runner.toString().contains(SECRET), runner.toString());
        assertTrue(runner.toString().contains("jdbc:postgresql://db.example.test:5432/postgres?…"), runner.toString());
        assertFalse(runner.password().orElseThrow().toString().contains(SECRET));
    }

    @Test
    void anUnreachableServerFailsWithATypedExceptionAndNoSecret() {
        try (LogCapture logs = LogCapture.sdk()) {
            MigrationRunner runner = MigrationRunner.builder()
                    .jdbcUrl("jdbc:postgresql://127.0.0.1:1/postgres?connectTimeout=2&password=" + SECRET)
                    .user("postgres").password(Secret.of(SECRET)).build();
            MigrationException e = assertThrows(MigrationException.class, runner::migrate);
            assertTrue(e.getMessage().startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/postgres?…"),
                    e.getMessage());
            assertEquals("08001", e.sqlState().orElseThrow());
            assertFalse(e.getMessage().contains(SECRET));
            assertFalse(logs.text().contains(SECRET));
            assertThrows(MigrationException.class, runner::pending);
        }
    }

    @Test
    void aMissingDriverIsExplainedWithoutTheUrl() {
        MigrationRunner runner = MigrationRunner.builder()
                .jdbcUrl("jdbc:nosuchdriver://db.example.test/postgres?password=" + SECRET).build();
        MigrationException e = assertThrows(MigrationException.class, runner::migrate);
        assertTrue(e.getMessage().contains("add org.postgresql:postgresql"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertEquals(null, e.getCause(), "the driver manager's message repeats the URL, so it is not chained");
    }
}
