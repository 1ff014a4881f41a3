package com.rabaislocal.sdk.core.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns arbitrary values into plain, immutable JSON values (maps, lists, strings, numbers, booleans, nulls), exactly
 * as they come back after a trip through {@link SdkJson#mapper()}, so an audit event equals itself after a JSON
 * round trip. Decimals are kept as {@link BigDecimal} so money amounts never lose precision.
 */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * Serializes a map with the SDK's mapper and reads it back as plain JSON values.
     *
     * @param map the map to normalize; null reads as an empty map
     * @return an unmodifiable map of plain JSON values, in the original key order
     * @throws JsonProcessingException if a value cannot be serialized
     */
    static Map<String, Object> normalize(Map<String, ?> map) throws JsonProcessingException {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        byte[] json = SdkJson.mapper().writeValueAsBytes(map);
        try (JsonParser p = SdkJson.mapper().getFactory().createParser(json)) {
            p.nextToken();
            return asObject(read(p));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // Parsing bytes held in memory cannot fail with a real I/O error.
            throw new IllegalStateException("could not re-read serialized audit values", e);
        }
    }

    /**
     * Reads the JSON value the parser is positioned on (its current token), consuming it entirely.
     *
     * @param p a parser whose current token starts a value
     * @return the value as plain, unmodifiable Java objects
     * @throws IOException if the input is malformed
     */
    static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IOException("unexpected end of JSON input");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> out = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    out.put(name, read(p));
                }
                return Collections.unmodifiableMap(out);
            }
            case START_ARRAY: {
                List<Object> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(read(p));
                }
                return Collections.unmodifiableList(out);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    /**
     * Casts a value read by {@link #read} to an object.
     *
     * @param value a plain JSON value
     * @return the value as a map; an empty map for null
     * @throws IllegalArgumentException if it is not a JSON object
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object but found " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    /**
     * Compares two plain JSON values (as produced by {@link #normalize} or {@link #read}) the way a database would:
     * numbers by numeric value ({@code 1}, {@code 1L} and {@code 1.0} are the same), objects and arrays element by
     * element.
     *
     * @param a a plain JSON value
     * @param b another
     * @return whether they denote the same JSON value
     */
    static boolean same(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return decimal((Number) a).compareTo(decimal((Number) b)) == 0;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> ma = (Map<?, ?>) a;
            Map<?, ?> mb = (Map<?, ?>) b;
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !same(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List && b instanceof List) {
            List<?> la = (List<?>) a;
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ia = la.iterator();
            Iterator<?> ib = lb.iterator();
            while (ia.hasNext()) {
                if (!same(ia.next(), ib.next())) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        if (n instanceof BigInteger) {
            return new BigDecimal((BigInteger) n);
        }
        // Plain JSON values hold only integers and BigDecimal; this branch covers Integer, Long, Short and Byte.
        return BigDecimal.valueOf(n.longValue());
    }

    private static String describe(Object value) {
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        return value instanceof Number ? "a number" : "a " + value.getClass().getSimpleName();
    }
}
