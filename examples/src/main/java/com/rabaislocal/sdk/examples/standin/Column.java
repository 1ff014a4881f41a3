package com.rabaislocal.sdk.examples.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.Function;

/**
 * A column of a stand-in table: name, type, whether it may be null, and its default (computed from the transaction
 * time; null when the column has none). A generated column ({@code generated always as identity}) refuses values.
 */
record Column(String name, PgType type, boolean notNull, Function<Instant, JsonNode> defaultValue,
              boolean generated) {

    static Column of(String name, PgType type) {
        return new Column(name, type, false, null, false);
    }

    static Column required(String name, PgType type) {
        return new Column(name, type, true, null, false);
    }

    static Column withDefault(String name, PgType type, Function<Instant, JsonNode> defaultValue) {
        return new Column(name, type, true, defaultValue, false);
    }

    static Column identity(String name) {
        return new Column(name, PgType.BIGINT, true, null, true);
    }
}
