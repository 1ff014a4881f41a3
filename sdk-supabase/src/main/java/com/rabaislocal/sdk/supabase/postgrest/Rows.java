package com.rabaislocal.sdk.supabase.postgrest;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;

/** Turns the rows given to insert, upsert and update into JSON, once, with the SDK's mapper. */
final class Rows {

    private Rows() {
    }

    /** @return the value as a JSON object or array of objects */
    static JsonNode toJson(String what, Object rows, boolean allowArray) {
        JsonNode node;
        try {
            node = rows instanceof JsonNode ? (JsonNode) rows : SdkJson.mapper().valueToTree(rows);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(what, "cannot be written as JSON: " + e.getMessage());
        }
        boolean ok = node != null && (node.isObject() || (allowArray && node.isArray()));
        if (ok && node.isArray()) {
            for (JsonNode row : node) {
                ok &= row.isObject();
            }
        }
        if (!ok) {
            throw new ValidationException(what, allowArray ? "must be a row (a record, bean or Map) or a list of"
                    + " rows" : "must be one object (a record, bean or Map) holding the columns to set");
        }
        return node;
    }

    /**
     * The {@code columns} parameter for a list of rows: the union of their keys, quoted, so rows with different
     * keys do not fail with PGRST102 and missing keys take NULL or, with {@code missing=default}, the default.
     *
     * @return the parameter value, or null for a single row or rows without keys
     */
    static String columns(JsonNode rows) {
        if (!rows.isArray()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            row.fieldNames().forEachRemaining(keys::add);
        }
        if (keys.isEmpty()) {
            return null;
        }
        StringJoiner j = new StringJoiner(",");
        keys.forEach(k -> j.add(Encoding.quoteAlways(k)));
        return j.toString();
    }

    /** @return whether every row holds a non-null value for every key column */
    static boolean allHaveKeys(JsonNode rows, Iterable<String> keyColumns) {
        Iterator<JsonNode> it = rows.isArray() ? rows.elements() : java.util.List.of(rows).iterator();
        while (it.hasNext()) {
            JsonNode row = it.next();
            for (String k : keyColumns) {
                JsonNode v = row.get(k);
                if (v == null || v.isNull()) {
                    return false;
                }
            }
        }
        return true;
    }
}
