package com.rabaislocal.sdk.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabaislocal.sdk.supabase.db.SupabaseMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@link SupabaseMigrations} on the Flyway this combination's BOMs chose (Spring Boot manages Flyway 11), against
 * the real PostgreSQL: a throw-away database gets every shipped migration, and a second run none.
 */
class FlywayMigrationsTest {

    private static final String SERVER = System.getenv().getOrDefault("RABAISLOCAL_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private static String resource(String path) throws IOException {
        try (InputStream in = FlywayMigrationsTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String flywayVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Flyway.class.getResourceAsStream(
                "/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }

    @Test
    void flywayIsTheOneTheImportsChose() throws IOException {
        assertEquals(System.getProperty("compat.expected.flyway"), flywayVersion());
    }

    @Test
    void theShippedMigrationsApplyOnceOnARealDatabase() throws Exception {
        try (ThrowAwayDatabase db = ThrowAwayDatabase.withShim()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(db.url());

            MigrateResult first = SupabaseMigrations.flyway(dataSource).migrate();
            assertEquals(8, first.migrationsExecuted);
            assertEquals(0, SupabaseMigrations.flyway(dataSource).migrate().migrationsExecuted);
            try (Connection c = DriverManager.getConnection(db.url()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from rabaislocal.schema_migrations"
                         + " where version is not null and success")) {
                rs.next();
                assertEquals(8, rs.getInt(1));
            }
        }
    }

    /** A database of its own on the test server, with the Supabase shim loaded; dropped on close. */
    static final class ThrowAwayDatabase implements AutoCloseable {

        private final String name;
        private final String url;

        private ThrowAwayDatabase(String name) {
            this.name = name;
            this.url = SERVER.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        }

        static ThrowAwayDatabase withShim() throws SQLException, IOException {
            String name = "rabaislocal_compat_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection admin = DriverManager.getConnection(SERVER); Statement st = admin.createStatement()) {
                st.execute("create database " + name);
            }
            ThrowAwayDatabase db = new ThrowAwayDatabase(name);
            try (Connection c = DriverManager.getConnection(db.url); Statement st = c.createStatement()) {
                st.execute(resource("compat/supabase-shim.sql"));
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        }

        String url() {
            return url;
        }

        @Override
        public void close() {
            try (Connection admin = DriverManager.getConnection(SERVER); Statement st = admin.createStatement()) {
                st.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                throw new IllegalStateException("dropping " + name + " failed: " + e.getMessage(), e);
            }
        }
    }
}
