package com.rabaislocal.sdk.supabase.crud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.audit.AuditChanges;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Conversions between typed rows, JSON trees and the plain maps audit events carry, with the SDK's mapper. */
final class RowJson {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private static final java.util.List<String> BOOKKEEPING = java.util.List.of(Table.UPDATED_AT);

    private static final ObjectReader EXACT = SdkJson.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RowJson() {
    }

    /**
     * @return the row as a JSON object keyed by column name; decimals stay exact ({@code valueToTree} would turn a
     *     BigDecimal into a double)
     */
    static ObjectNode tree(Object row, String subject) {
        JsonNode node;
        try {
            node = EXACT.readTree(SdkJson.mapper().writeValueAsBytes(row));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ValidationException(subject, "cannot be written as JSON: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode)) {
            throw new ValidationException(subject, "is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** @return the row bound to its record */
    static <T> T bind(JsonNode node, Class<T> type, String what) {
        try {
            return SdkJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RabaisSdkException("supabase " + what + ": the row returned cannot be read as "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** @return the JSON object as a map of plain JSON values, in column order; empty for null */
    static Map<String, Object> map(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new LinkedHashMap<>();
        }
        return SdkJson.mapper().convertValue(node, MAP);
    }

    /** @return the named columns of a row, with their values (null included) */
    static Map<String, Object> pick(JsonNode row, Collection<String> columns) {
        Map<String, Object> all = map(row);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String c : columns) {
            out.put(c, all.get(c));
        }
        return out;
    }

    /** @return the map without its null values: an inserted or purged row as the audit trigger records it */
    static Map<String, Object> withoutNulls(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** @return the changed columns between two versions of a row, {@code updated_at} left out as bookkeeping */
    static AuditChanges diff(Map<String, Object> before, Map<String, Object> after) {
        return AuditChanges.diff(before, after).without(BOOKKEEPING);
    }
}
