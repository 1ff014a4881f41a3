package com.rabaislocal.sdk.supabase.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away database on the real PostgreSQL server the tests run against.
 *
 * <p>The server comes from {@value #URL_VARIABLE} (default {@value #DEFAULT_URL}); the user must be a superuser,
 * because the Supabase shim creates the API roles. Each instance creates {@code rabaislocal_test_<random>}, loads the
 * shim into it, and drops it on {@link #close()}. A server that cannot be reached fails the test with instructions;
 * it never skips it.
 */
final class TestDatabase implements AutoCloseable {

    static final String URL_VARIABLE = "RABAISLOCAL_TEST_DATABASE_URL";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private final String serverUrl;
    private final String name;
    private final String url;

    private TestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.url = withDatabase(serverUrl, name);
    }

    /** Creates an empty database with the Supabase shim loaded (no migration applied). */
    static TestDatabase withShim() {
        String serverUrl = System.getenv().getOrDefault(URL_VARIABLE, DEFAULT_URL);
        String name = "rabaislocal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(serverUrl); Statement st = admin.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(unreachable(serverUrl, e), e);
        }
        TestDatabase db = new TestDatabase(serverUrl, name);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(resource("db/supabase-shim.sql"));
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException("loading the Supabase shim into " + name + " failed (the test user must"
                    + " be a superuser to create the anon, authenticated and service_role roles): " + e.getMessage(), e);
        }
        return db;
    }

    /** Creates a database with the shim and every shipped migration applied by Flyway. */
    static TestDatabase migrated() {
        TestDatabase db = withShim();
        try {
            db.flyway().migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** A data source on this database. */
    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** Flyway for the shipped migrations on this database, as {@link SupabaseMigrations#flyway(DataSource)}. */
    Flyway flyway() {
        return SupabaseMigrations.flyway(dataSource());
    }

    /** Flyway configured as for the shipped migrations but reading another classpath folder. */
    Flyway flyway(String location) {
        return SupabaseMigrations.configure().dataSource(dataSource()).locations("classpath:" + location).load();
    }

    String url() {
        return url;
    }

    String name() {
        return name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(serverUrl); Statement st = admin.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping test database " + name + " failed: " + e.getMessage(), e);
        }
    }

    static String resource(String path) {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " not found on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    private static String withDatabase(String serverUrl, String database) {
        Matcher m = URL.matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/database?user=..."
                    + " (got a URL that does not)");
        }
        return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** The URL without user-info and query, where a password may be. */
    private static String redact(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query) + "?…";
        return base.replaceFirst("//[^/?#@]*@", "//");
    }

    private static String unreachable(String serverUrl, SQLException e) {
        String where = redact(serverUrl);
        boolean refused = e.getSQLState() != null && e.getSQLState().toUpperCase(Locale.ROOT).startsWith("08");
        return (refused ? "No PostgreSQL server answers at " : "Cannot create a test database on ") + where
                + " (SQLSTATE " + e.getSQLState() + ": " + e.getMessage() + ").\n"
                + "The database tests run against a real PostgreSQL 15+. Start the local server with\n"
                + "    .ci/start-postgres.sh\n"
                + "or  pg_ctlcluster --skip-systemctl-redirect 15 main start   (or: service postgresql start)\n"
                + "or point " + URL_VARIABLE + " at a server whose user is a superuser, e.g.\n"
                + "    " + DEFAULT_URL;
    }
}
