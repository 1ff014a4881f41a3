package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.Function;

/**
 * A column of a stand-in table: name, type, whether it may be null, its default (computed from the transaction
 * time; null when the column has none), whether it is an identity column ({@code generated always}, refusing
 * values) and whether it is unique (a primary key or a unique constraint; NULLs never collide).
 */
record Column(String name, PgType type, boolean notNull, Function<Instant, JsonNode> defaultValue,
              boolean generated, boolean unique) {

    static Column of(String name, PgType type) {
        return new Column(name, type, false, null, false, false);
    }

    static Column required(String name, PgType type) {
        return new Column(name, type, true, null, false, false);
    }

    static Column withDefault(String name, PgType type, Function<Instant, JsonNode> defaultValue) {
        return new Column(name, type, true, defaultValue, false, false);
    }

    /** A primary key, or a unique NOT NULL column with a default. */
    static Column key(String name, PgType type, Function<Instant, JsonNode> defaultValue) {
        return new Column(name, type, true, defaultValue, false, true);
    }

    static Column identity(String name) {
        return new Column(name, PgType.BIGINT, true, null, true, true);
    }
}
