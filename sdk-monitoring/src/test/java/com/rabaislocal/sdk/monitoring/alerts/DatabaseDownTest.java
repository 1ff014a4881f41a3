package com.rabaislocal.sdk.monitoring.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.monitoring.health.HealthStatus;
import com.rabaislocal.sdk.monitoring.health.ServiceHealthChecks;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Database down" against the real local PostgreSQL behind a Supabase stand-in that answers as PostgREST does: rows
 * from the database, or 503 {@code PGRST000} when it cannot reach it. The database stops accepting connections,
 * then accepts them again.
 */
class DatabaseDownTest {

    private static final String SERVER = System.getenv().getOrDefault("RABAISLOCAL_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private String database;
    private String databaseUrl;
    private HttpServer standIn;
    private SupabaseClient client;

    private static Connection admin() {
        try {
            return DriverManager.getConnection(SERVER);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + SERVER + " (" + e.getMessage()
                    + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start,"
                    + " or set RABAISLOCAL_TEST_DATABASE_URL", e);
        }
    }

    @BeforeEach
    void start() throws Exception {
        database = "rabaislocal_monitor_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("create database " + database);
        }
        databaseUrl = SERVER.replace("/postgres?", "/" + database + "?");
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement st = c.createStatement()) {
            st.execute("create table offers (id uuid primary key)");
            st.execute("insert into offers values ('" + UUID.randomUUID() + "')");
        }
        standIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        standIn.createContext("/rest/v1/offers", this::offers);
        standIn.createContext("/auth/v1/health", ex -> answer(ex, 200,
                "{\"version\":\"v2.170.0\",\"name\":\"GoTrue\",\"description\":\"GoTrue is a user registration"
                        + " and authentication API\"}"));
        standIn.start();
        client = SupabaseClient.builder().url("http://127.0.0.1:" + standIn.getAddress().getPort())
                .apiKey(CredentialProvider.of("sb_publishable_" + "a".repeat(32))).retryPolicy(RetryPolicy.none())
                .build();
    }

    /** PostgREST: the rows, or 503 PGRST000 when the database refuses connections. */
    private void offers(HttpExchange ex) throws IOException {
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from offers limit 1")) {
            StringBuilder rows = new StringBuilder("[");
            while (rs.next()) {
                rows.append(rows.length() > 1 ? "," : "").append("{\"id\":\"").append(rs.getString(1)).append("\"}");
            }
            answer(ex, 200, rows.append(']').toString());
        } catch (SQLException e) {
            answer(ex, 503, "{\"code\":\"PGRST000\",\"details\":null,\"hint\":null,\"message\":\"Could not connect"
                    + " with the database due to an incorrect db-uri or due to the database being unavailable\"}");
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private void allowConnections(boolean allow) throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("alter database " + database + " allow_connections " + allow);
        }
    }

    @AfterEach
    void stop() throws SQLException {
        client.close();
        standIn.stop(0);
        allowConnections(true);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void threeFailedChecksInARowFireAndTheFirstGoodOneResolves() throws Exception {
        HealthCheck check = ServiceHealthChecks.supabase(client, "offers", Duration.ofSeconds(5),
                Duration.ofMillis(500));
        assertEquals(HealthStatus.UP, check.check().status(), check.check().reason());

        ConsecutiveFailuresRule rule = SeedAlerts.databaseDown(check, 3);
        List<Alert> sent = new ArrayList<>();
        Alerts alerts = Alerts.builder().rule(rule).channel(new AlertChannel() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void send(Alert alert) {
                sent.add(alert);
            }
        }).build();

        assertTrue(alerts.evaluate().isEmpty());
        allowConnections(false);
        alerts.evaluate();
        alerts.evaluate();
        assertTrue(sent.isEmpty(), "two failures are not an outage yet");
        assertEquals(HealthStatus.DOWN, rule.lastResult().status());
        assertTrue(rule.lastResult().reason().contains("PGRST000") || rule.lastResult().reason().contains("503"),
                rule.lastResult().reason());
        alerts.evaluate();
        assertEquals(1, sent.size());
        assertEquals(Alert.Kind.FIRING, sent.get(0).kind());
        assertEquals(Severity.CRITICAL, sent.get(0).severity());

        allowConnections(true);
        alerts.evaluate();
        assertEquals(2, sent.size());
        assertEquals(Alert.Kind.RESOLVED, sent.get(1).kind());
    }
}
