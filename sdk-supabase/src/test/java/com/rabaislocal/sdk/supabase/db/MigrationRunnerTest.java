package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** MigrationRunner against a real PostgreSQL: empty database, re-runs, edits, failures, concurrent runs, the lock. */
class MigrationRunnerTest {

    private static final String BROKEN = "db/test-migrations/ok-then-broken";

    private static List<String> shipped() {
        return MigrationRunner.builder().jdbcUrl("jdbc:postgresql://unused/db").build().available();
    }

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

    @Test
    void anEmptyDatabaseGetsEveryMigrationAndASecondRunChangesNothing() throws SQLException {
        try (TestDatabase db = TestDatabase.withShim(); Connection c = db.connect()) {
            Api api = new Api(c);
            MigrationRunner runner = db.runner().build();
            assertEquals(shipped(), runner.pending());

            MigrationResult first = runner.migrate();
            assertEquals(shipped(), first.applied());
            assertEquals(List.of(), first.alreadyApplied());
            assertTrue(first.changedSomething());
            People.signUp(api, "before-rerun@example.test", "merchant");
            List<String> before = schemaSnapshot(api);
            List<Map<String, Object>> history = api.owner().rows("select filename, checksum, applied_at"
                    + " from rabaislocal.schema_migrations order by filename");

            MigrationResult second = runner.migrate();
            assertEquals(List.of(), second.applied());
            assertEquals(shipped(), second.alreadyApplied());
            assertFalse(second.changedSomething());
            assertEquals(List.of(), runner.pending());
            assertEquals(before, schemaSnapshot(api));
            assertEquals(history, api.owner().rows("select filename, checksum, applied_at"
                    + " from rabaislocal.schema_migrations order by filename"));

            for (Map<String, Object> row : history) {
                String file = (String) row.get("filename");
                assertEquals(MigrationScript.checksum(TestDatabase.resource("db/migrations/" + file)),
                        row.get("checksum"), file);
            }
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
    void theSqlRunTwiceDirectlyAsTheSupabaseCliWouldChangesNothing() throws SQLException {
        try (TestDatabase db = TestDatabase.migrated(); Connection c = db.connect()) {
            Api api = new Api(c);
            People.signUp(api, "existing@example.test", "consumer");
            List<String> before = schemaSnapshot(api);
            for (String file : shipped()) {
                api.owner().request(conn -> {
                    try (Statement st = conn.createStatement()) {
                        st.execute(TestDatabase.resource("db/migrations/" + file));
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
            api.owner().update("update rabaislocal.schema_migrations set checksum = 'edited'"
                    + " where filename = '03_module_a_create_legal_consents.sql'");
            api.owner().update("delete from rabaislocal.schema_migrations"
                    + " where filename = '08_module_f_create_ai_agents.sql'");

            MigrationRunner runner = db.runner().build();
            MigrationException e = assertThrows(MigrationException.class, runner::migrate);
            assertTrue(e.getMessage().contains("03_module_a_create_legal_consents.sql (recorded sha-256 edited, now "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("forward-only"), e.getMessage());
            assertEquals("03_module_a_create_legal_consents.sql", e.filename().orElseThrow());
            assertEquals(0L, api.owner().value("select count(*) from rabaislocal.schema_migrations"
                    + " where filename = '08_module_f_create_ai_agents.sql'"), "nothing ran");
            assertThrows(MigrationException.class, runner::pending);
        }
    }

    @Test
    void aFailingFileIsRolledBackWholeAndTheFilesBeforeItStayApplied() throws SQLException {
        try (TestDatabase db = TestDatabase.withShim(); Connection c = db.connect()) {
            Api api = new Api(c);
            MigrationRunner runner = db.runner().location(BROKEN).historyTable("app_migrations.history").build();

            MigrationException e = assertThrows(MigrationException.class, runner::migrate);
            assertEquals("02_module_t_broken.sql", e.filename().orElseThrow());
            assertEquals("42P01", e.sqlState().orElseThrow());
            assertTrue(e.getMessage().startsWith("migration 02_module_t_broken.sql failed and was rolled back:"
                    + " [SQLSTATE 42P01]"), e.getMessage());
            assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());

            assertEquals(List.of("01_module_t_create_ok.sql"), api.owner().rows("select filename from"
                    + " app_migrations.history").stream().map(r -> r.get("filename")).toList());
            assertEquals("t_ok", api.owner().value("select to_regclass('public.t_ok')::text"));
            assertEquals(null, api.owner().value("select to_regclass('public.t_broken')::text"));
            assertEquals(null, api.owner().value("select to_regclass('public.t_after')::text"));
            assertEquals(List.of("02_module_t_broken.sql", "03_module_t_create_after.sql"), runner.pending());
        }
    }

    @Test
    void concurrentRunnersApplyEachFileExactlyOnce() throws Exception {
        try (TestDatabase db = TestDatabase.withShim(); Connection c = db.connect()) {
            int runners = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(runners);
            List<Future<MigrationResult>> results = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                // Half through a DataSource, half through a URL.
                MigrationRunner runner = i % 2 == 0 ? db.runner().build()
                        : MigrationRunner.builder().jdbcUrl(db.url()).build();
                results.add(pool.submit(() -> {
                    start.await();
                    return runner.migrate();
                }));
            }
            start.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
            List<String> appliedByAll = new ArrayList<>();
            for (Future<MigrationResult> r : results) {
                appliedByAll.addAll(r.get().applied());
            }
            assertEquals(shipped(), appliedByAll.stream().sorted().toList());
            assertEquals((long) shipped().size(), new Api(c).owner().value("select count(*) from"
                    + " rabaislocal.schema_migrations"));
        }
    }

    @Test
    void aRunWaitingTooLongForTheLockFailsClearly() throws SQLException {
        try (TestDatabase db = TestDatabase.withShim(); Connection holder = db.connect()) {
            try (PreparedStatement st = holder.prepareStatement("select pg_advisory_lock(?)")) {
                st.setLong(1, MigrationRunner.DEFAULT_LOCK_KEY);
                st.execute();
            }
            MigrationRunner runner = db.runner().lockTimeout(Duration.ofMillis(200)).build();
            MigrationException e = assertThrows(MigrationException.class, runner::migrate);
            assertEquals("55P03", e.sqlState().orElseThrow());
            assertTrue(e.getMessage().startsWith("another migration run has held the advisory lock"), e.getMessage());

            try (PreparedStatement st = holder.prepareStatement("select pg_advisory_unlock(?)")) {
                st.setLong(1, MigrationRunner.DEFAULT_LOCK_KEY);
                st.execute();
            }
            assertEquals(shipped(), runner.migrate().applied());
        }
    }
}
