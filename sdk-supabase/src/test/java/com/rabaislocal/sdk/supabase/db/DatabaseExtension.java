package com.rabaislocal.sdk.supabase.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One migrated test database per test class, with an {@link Api} on an owner connection; registered as a static
 * {@code @RegisterExtension} field, it is ready before the class's {@code @BeforeAll} methods and dropped after all.
 */
final class DatabaseExtension implements BeforeAllCallback, AfterAllCallback {

    private TestDatabase database;
    private Connection connection;
    private Api api;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        database = TestDatabase.migrated();
        connection = database.connect();
        api = new Api(connection);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    TestDatabase database() {
        return database;
    }

    Api api() {
        return api;
    }
}
