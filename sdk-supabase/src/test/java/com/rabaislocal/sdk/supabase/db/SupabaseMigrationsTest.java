package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Flyway, as {@link SupabaseMigrations} configures it, against a real PostgreSQL: the platform's file names read as
 * versions, re-runs, edited files, failures, concurrent runs, and the history table out of the API roles' reach.
 */
class SupabaseMigrationsTest {

    private static final String BROKEN = "db/test-migrations/ok-then-broken";

    /** Everything a migration defines, as sorted text: tables, columns, constraints, indexes, policies, grants,
     *  functions (with a digest of their body), triggers, plus the row counts of the tables migrations fill. */
    private static List<String> schemaSnapshot(Api api) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> row : api.owner().rows("select line from ("
                + " select 'table ' || c.relname || ' rls=' || c.relrowsecurity || ' acl=' || coalesce(c.relacl::text, '')"
                + "   as line from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'"
                + " union all select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '"
                + "   || coalesce(column_default, '') || ' ' || is_nullable from information_schema.columns"
                + "   where table_schema = 'public'"
                + " union all select 'constraint ' || conrelid::regclass || '.' || conname || ' '"
                + "   || pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace"
                + " union all select 'index ' || indexdef from pg_indexes where schemaname = 'public'"
                + " union all select 'policy ' || tablename || '.' || policyname || ' ' || cmd || ' ' || roles::text"
                + "   || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '') from pg_policies"
                + "   where schemaname = 'public'"
                + " union all select 'function ' || p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid))"
                + "   || ' acl=' || coalesce(p.proacl::text, '') from pg_proc p"
                + "   where p.pronamespace = 'public'::regnamespace"
                + " union all select 'trigger ' || tgrelid::regclass || '.' || tgname || ' ' || pg_get_triggerdef(oid)"
                + "   from pg_trigger where not tgisinternal"
                + " union all select 'rows users ' || count(*) from public.users"
                + " union all select 'rows logs_audit ' || count(*) from public.logs_audit"
                + ") s order by line")) {
            lines.add((String) row.get("line"));
        }
        return lines;
    }

    private static List<String> scripts(MigrationInfo[] infos) {
        return Arrays.stream(infos).map(MigrationInfo::getScript).toList();
    }

    @Test
    void thePlatformsFileNamesAreReadAsVersionsInOrder() throws Exception {
        try (TestDatabase db = TestDatabase.withShim()) {
            MigrationInfo[] pending = db.flyway().info().pending();
            assertEquals(MigrationFilesTest.filesInFolder(), scripts(pending));
            assertEquals("01", pending[0].getVersion().getVersion());
            assertEquals(MigrationVersion.fromVersion("1"), pending[0].getVersion());
            assertEquals("module a create users", pending[0].getDescription());
            assertEquals(MigrationVersion.fromVersion("8"), pending[7].getVersion());
        }
    }

    @Test
    void anEmptyDatabaseGetsEveryMigrationAndASecondRunChangesNothing() throws Exception {
        try (TestDatabase db = TestDatabase.withShim(); Connection c = db.connect()) {
            Api api = new Api(c);
            MigrateResult first = db.flyway().migrate();
            assertEquals(8, first.migrationsExecuted);
            assertEquals(SupabaseMigrations.SCHEMA, first.schemaName);
            People.signUp(api, "before-rerun@example.test", "merchant");
            List<String> before = schemaSnapshot(api);
            List<Map<String, Object>> history = api.owner().rows("select version, script, checksum, success"
                    + " from rabaislocal.schema_migrations where version is not null order by installed_rank");
            assertEquals(MigrationFilesTest.filesInFolder(), history.stream().map(r -> r.get("script")).toList());
            assertTrue(history.stream().allMatch(r -> Boolean.TRUE.equals(r.get("success"))), history.toString());

            MigrateResult second = db.flyway().migrate();
            assertEquals(0, second.migrationsExecuted);
            assertEquals(0, db.flyway().info().pending().length);
            assertEquals(before, schemaSnapshot(api));
            assertEquals(history, api.owner().rows("select version, script, checksum, success"
                    + " from rabaislocal.schema_migrations where version is not null order by installed_rank"));
        }
    }

    @Test
    void theFlywayOnAJdbcUrlMigratesTheSameWay() throws Exception {
        try (TestDatabase db = TestDatabase.withShim()) {
            // The local server trusts loopback connections, so any password is accepted.
            Flyway flyway = SupabaseMigrations.flyway(db.url(), "postgres", Secret.of("unused-under-trust-auth"));
            assertEquals(8, flyway.migrate().migrationsExecuted);
        }
    }

    @Test
    void theHistoryTableIsOutOfReachOfTheApiRoles() throws SQLException {
        try (TestDatabase db = TestDatabase.migrated(); Connection c = db.connect()) {
            Api api = new Api(c);
            for (Api.Caller caller : List.of(api.anon(), api.serviceRole())) {
                SQLException e = caller.failure("select * from rabaislocal.schema_migrations");
                assertEquals("42501", e.getSQLState(), e.getMessage());
            }
        }
    }

    @Test
    void theSqlRunTwiceDirectlyAsTheSupabaseCliWouldChangesNothing() throws Exception {
        try (TestDatabase db = TestDatabase.migrated(); Connection c = db.connect()) {
            Api api = new Api(c);
            People.signUp(api, "existing@example.test", "consumer");
            List<String> before = schemaSnapshot(api);
            for (String file : MigrationFilesTest.filesInFolder()) {
                api.owner().request(conn -> {
                    try (Statement st = conn.createStatement()) {
                        st.execute(TestDatabase.resource(MigrationFilesTest.FOLDER + "/" + file));
                    }
                    return null;
                });
            }
            assertEquals(before, schemaSnapshot(api));
        }
    }

    @Test
    void anAppliedFileThatChangedIsRefusedBeforeAnythingRuns() throws SQLException {
        try (TestDatabase db = TestDatabase.migrated(); Connection c = db.connect()) {
            Api api = new Api(c);
            api.owner().update("update rabaislocal.schema_migrations set checksum = 42"
                    + " where script = '03_module_a_create_legal_consents.sql'");
            api.owner().update("delete from rabaislocal.schema_migrations"
                    + " where script = '08_module_f_create_ai_agents.sql'");

            FlywayException e = assertThrows(FlywayException.class, () -> db.flyway().migrate());
            assertTrue(e.getMessage().contains("checksum mismatch for migration version 03"), e.getMessage());
            assertEquals(0L, api.owner().value("select count(*) from rabaislocal.schema_migrations"
                    + " where script = '08_module_f_create_ai_agents.sql'"), "nothing ran");
        }
    }

    @Test
    void aFailingFileIsRolledBackWholeAndTheFilesBeforeItStayApplied() throws SQLException {
        try (TestDatabase db = TestDatabase.withShim(); Connection c = db.connect()) {
            Api api = new Api(c);
            Flyway flyway = db.flyway(BROKEN);

            FlywayException e = assertThrows(FlywayException.class, flyway::migrate);
            assertTrue(e.getMessage().contains("02_module_t_broken.sql"), e.getMessage());
            assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());

            assertEquals(List.of("01_module_t_create_ok.sql"), api.owner().rows("select script from"
                    + " rabaislocal.schema_migrations where success and version is not null").stream().map(r -> r.get("script")).toList());
            assertEquals("t_ok", api.owner().value("select to_regclass('public.t_ok')::text"));
            assertEquals(null, api.owner().value("select to_regclass('public.t_broken')::text"));
            assertEquals(null, api.owner().value("select to_regclass('public.t_after')::text"));
            assertEquals(List.of("02_module_t_broken.sql", "03_module_t_create_after.sql"),
                    scripts(flyway.info().pending()));
        }
    }

    @Test
    void aSqlFileWhoseNameIsNoVersionFailsTheRunInsteadOfBeingSkipped() {
        try (TestDatabase db = TestDatabase.withShim()) {
            FlywayException e = assertThrows(FlywayException.class,
                    () -> db.flyway("db/test-migrations/bad-names").migrate());
            assertTrue(e.getMessage().contains("notes.sql"), e.getMessage());
        }
    }

    @Test
    void twoFilesWithOneNumberAreRefused() {
        try (TestDatabase db = TestDatabase.withShim()) {
            FlywayException e = assertThrows(FlywayException.class,
                    () -> db.flyway("db/test-migrations/duplicate-version").migrate());
            assertTrue(e.getMessage().contains("more than one migration with version 02"), e.getMessage());
        }
    }

    @Test
    void concurrentRunsApplyEachFileExactlyOnce() throws Exception {
        try (TestDatabase db = TestDatabase.withShim(); Connection c = db.connect()) {
            int runners = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(runners);
            List<Future<MigrateResult>> results = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                Flyway flyway = db.flyway();
                results.add(pool.submit(() -> {
                    start.await();
                    return flyway.migrate();
                }));
            }
            start.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
            int executed = 0;
            for (Future<MigrateResult> r : results) {
                executed += r.get().migrationsExecuted;
            }
            assertEquals(8, executed);
            assertEquals(8L, new Api(c).owner().value("select count(*) from rabaislocal.schema_migrations"
                    + " where version is not null"));
        }
    }
}
