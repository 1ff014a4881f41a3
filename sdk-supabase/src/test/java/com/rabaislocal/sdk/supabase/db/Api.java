package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.rabaislocal.sdk.core.json.SdkJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs SQL the way PostgREST does for one HTTP request: one transaction, {@code set local role} to the role of the
 * JWT, the claims and headers in transaction-local settings, the statement, then commit (or rollback for a dry run).
 *
 * <p>The connection belongs to the database owner (a superuser), as PostgREST's authenticator connection can switch
 * to any API role.
 */
final class Api {

    private final Connection connection;

    Api(Connection connection) {
        this.connection = connection;
    }

    /** No JWT: PostgREST uses the anon role and no claims. */
    Caller anon() {
        return new Caller("anon", Map.of("role", "anon"), Map.of(), true);
    }

    /** A signed-in user's JWT. */
    Caller user(UUID id) {
        return new Caller("authenticated", Map.of("sub", id.toString(), "role", "authenticated", "aud",
                "authenticated"), Map.of(), true);
    }

    /** The service-role key: bypasses RLS, no sub. */
    Caller serviceRole() {
        return new Caller("service_role", Map.of("role", "service_role"), Map.of(), true);
    }

    /** The database owner on a direct connection: no role switch, no claims (migrations, maintenance). */
    Caller owner() {
        return new Caller(null, null, Map.of(), true);
    }

    /** Work to run inside a request's transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    final class Caller {
        private final String role;
        private final Map<String, String> claims;
        private final Map<String, String> headers;
        private final boolean commit;

        private Caller(String role, Map<String, String> claims, Map<String, String> headers, boolean commit) {
            this.role = role;
            this.claims = claims;
            this.headers = headers;
            this.commit = commit;
        }

        /** The same caller sending these request headers (names lower-cased, as PostgREST passes them). */
        Caller withHeaders(Map<String, String> requestHeaders) {
            return new Caller(role, claims, requestHeaders, commit);
        }

        /** The same caller whose requests roll back: the database is left as it was. */
        Caller dryRun() {
            return new Caller(role, claims, headers, false);
        }

        /** Runs a statement that returns rows (SELECT, or a write with RETURNING). */
        List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
            return request(c -> {
                try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
                    return readAll(rs);
                }
            });
        }

        /** Runs a statement that returns one row and returns its first column. */
        Object value(String sql, Object... params) throws SQLException {
            List<Map<String, Object>> rows = rows(sql, params);
            assertEquals(1, rows.size(), "expected exactly one row from: " + sql);
            return rows.get(0).values().iterator().next();
        }

        /** Runs a statement and returns the number of rows it affected. */
        int update(String sql, Object... params) throws SQLException {
            return request(c -> {
                try (PreparedStatement st = prepare(c, sql, params)) {
                    return st.executeUpdate();
                }
            });
        }

        /** Runs a statement that must fail, and returns the failure. */
        SQLException failure(String sql, Object... params) {
            try {
                request(c -> {
                    try (PreparedStatement st = prepare(c, sql, params)) {
                        st.execute();
                        return null;
                    }
                });
            } catch (SQLException e) {
                return e;
            }
            return fail("expected a failure from: " + sql);
        }

        /** Runs arbitrary work in one request. */
        <T> T request(Work<T> work) throws SQLException {
            synchronized (connection) {
                connection.setAutoCommit(false);
                boolean done = false;
                try {
                    if (role != null) {
                        try (Statement st = connection.createStatement()) {
                            st.execute("set local role " + role);
                        }
                        try (PreparedStatement st = connection.prepareStatement(
                                "select set_config('request.jwt.claims', ?, true),"
                                        + " set_config('request.headers', ?, true),"
                                        + " set_config('request.method', 'POST', true)")) {
                            st.setString(1, json(claims));
                            st.setString(2, json(headers));
                            st.execute();
                        }
                    }
                    T result = work.run(connection);
                    if (commit) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
                    done = true;
                    return result;
                } finally {
                    if (!done) {
                        connection.rollback();
                    }
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }

    static List<Map<String, Object>> readAll(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String json(Map<String, String> map) {
        try {
            return SdkJson.mapper().writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
