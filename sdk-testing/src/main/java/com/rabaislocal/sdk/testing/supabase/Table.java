package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory table: its columns (in declaration order, as PostgREST returns them) and its rows, each an
 * {@link ObjectNode} holding every column in stored form. Rows are never handed out: callers get copies.
 */
final class Table {

    final String name;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<ObjectNode> rows = new ArrayList<>();
    private long nextIdentity = 1;

    Table(String name, Column... columns) {
        this.name = name;
        for (Column c : columns) {
            this.columns.put(c.name(), c);
        }
    }

    /**
     * Returns a column.
     *
     * @throws Refusal {@code 42703} when the table has no such column
     */
    Column column(String column) {
        Column c = columns.get(column);
        if (c == null) {
            throw Refusal.badRequest("42703", "column " + name + "." + column + " does not exist", null, null);
        }
        return c;
    }

    /**
     * Builds a row from a request body object, as an INSERT does, and nothing is stored yet. Without a column list,
     * every key must be a column and every missing column takes its default (or null). With one (PostgREST's
     * {@code columns} parameter), only the listed keys are read; a listed key missing from the object becomes NULL,
     * or the default with {@code Prefer: missing=default}; unlisted columns take their default.
     *
     * @param columns the {@code columns} list, or null
     * @param missingDefault whether {@code Prefer: missing=default} was sent
     * @throws Refusal {@code PGRST204} for a key (or listed column) that is no column, {@code 428C9} for a value
     *     given to an identity column, or the type's SQLSTATE for a value that does not fit
     */
    ObjectNode newRow(JsonNode body, Instant now, List<String> columns, boolean missingDefault) {
        if (body == null || !body.isObject()) {
            throw Refusal.badRequest("PGRST102", "Empty or invalid json", null, null);
        }
        if (columns == null) {
            checkKeys(body.fieldNames());
        } else {
            checkKeys(columns.iterator());
        }
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (Column c : this.columns.values()) {
            boolean listed = columns == null ? body.has(c.name()) : columns.contains(c.name());
            if (c.generated()) {
                if (listed) {
                    throw Refusal.badRequest("428C9", "cannot insert a non-DEFAULT value into column \""
                            + c.name() + "\"", "Column \"" + c.name() + "\" is an identity column defined as "
                            + "GENERATED ALWAYS.", "Use OVERRIDING SYSTEM VALUE to override.");
                }
                row.putNull(c.name());
            } else if (listed && (body.has(c.name()) || !missingDefault)) {
                row.set(c.name(), c.type().input(body.get(c.name()), now));
            } else if (c.defaultValue() != null) {
                row.set(c.name(), c.defaultValue().apply(now));
            } else {
                row.putNull(c.name());
            }
        }
        return row;
    }

    /** A row from a body object, every key a column, missing columns defaulted; see the other overload. */
    ObjectNode newRow(JsonNode body, Instant now) {
        return newRow(body, now, null, true);
    }

    /**
     * Returns a copy of {@code row} with the values of a PATCH body applied.
     *
     * @throws Refusal as {@link #newRow} does
     */
    ObjectNode changed(ObjectNode row, JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw Refusal.badRequest("PGRST102", "Empty or invalid json", null, null);
        }
        checkKeys(body.fieldNames());
        ObjectNode copy = row.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Column c = columns.get(e.getKey());
            if (c.generated()) {
                throw Refusal.badRequest("428C9", "column \"" + c.name() + "\" can only be updated to DEFAULT",
                        "Column \"" + c.name() + "\" is an identity column defined as GENERATED ALWAYS.", null);
            }
            copy.set(c.name(), c.type().input(e.getValue(), now));
        }
        return copy;
    }

    /** The not-null constraints, checked on a row about to be stored. */
    void checkNotNull(ObjectNode row) {
        for (Column c : columns.values()) {
            if (c.notNull() && !c.generated() && row.get(c.name()).isNull()) {
                throw Refusal.badRequest("23502", "null value in column \"" + c.name() + "\" of relation \"" + name
                        + "\" violates not-null constraint", null, null);
            }
        }
    }

    /**
     * Stores a new row (giving identity columns their next value) and returns a copy of it.
     *
     * @throws Refusal {@code 23505} when a unique column's value is already taken
     */
    ObjectNode insert(ObjectNode row) {
        ObjectNode stored = row.deepCopy();
        for (Column c : columns.values()) {
            if (c.generated()) {
                stored.set(c.name(), LongNode.valueOf(nextIdentity++));
            }
        }
        for (Column c : columns.values()) {
            if (c.unique() && holds(c.name(), stored.get(c.name()))) {
                String constraint = c.name().equals("id") ? name + "_pkey" : name + "_" + c.name() + "_key";
                throw Refusal.postgrest(409, "23505", "duplicate key value violates unique constraint \""
                        + constraint + "\"", "Key (" + c.name() + ")=(" + stored.get(c.name()).asText()
                        + ") already exists.", null);
            }
        }
        rows.add(stored);
        return stored.deepCopy();
    }

    /** Whether a stored row holds this non-null value in a column (NULLs never match, as in a unique index). */
    boolean holds(String column, JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        for (ObjectNode r : rows) {
            if (r.get(column).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the stored row whose {@code key} column equals the new row's. */
    void replace(String key, ObjectNode row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(key).equals(row.get(key))) {
                rows.set(i, row.deepCopy());
                return;
            }
        }
        throw new IllegalStateException("no " + name + " row with " + key + " " + row.get(key));
    }

    /** Copies of every row, in insertion order. */
    List<ObjectNode> rows() {
        List<ObjectNode> copy = new ArrayList<>(rows.size());
        for (ObjectNode r : rows) {
            copy.add(r.deepCopy());
        }
        return copy;
    }

    /** Keeps only the named columns of a row, in the order asked. */
    static ObjectNode project(ObjectNode row, List<String> select) {
        if (select == null) {
            return row;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String c : select) {
            out.set(c, row.get(c));
        }
        return out;
    }

    private void checkKeys(Iterator<String> keys) {
        while (keys.hasNext()) {
            String key = keys.next();
            if (!columns.containsKey(key)) {
                throw Refusal.badRequest("PGRST204", "Could not find the '" + key + "' column of '" + name
                        + "' in the schema cache", null, null);
            }
        }
    }
}
