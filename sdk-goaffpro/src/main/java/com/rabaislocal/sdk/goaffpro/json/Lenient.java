package com.rabaislocal.sdk.goaffpro.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GoAffPro's loosely typed JSON values into Java types, the one place where its quirks are absorbed:
 * <ul>
 *   <li>money as a string ({@code "8.754800"}) or a number becomes an exact {@link BigDecimal}, never a double;</li>
 *   <li>ids as a string or a number become a {@link String};</li>
 *   <li>dates in ISO-8601 (with or without offset, {@code T} or a space), epoch seconds or milliseconds (number or
 *       digits), JavaScript {@code Date.toString()} ({@code Sun Jul 26 2019 12:10:07 GMT+0530 (India Standard
 *       Time)}) or {@code toUTCString()} form become an {@link Instant}; a date without an offset is read as
 *       UTC;</li>
 *   <li>flags as {@code true/false}, {@code 1/0} or their text become a boolean.</li>
 * </ul>
 * A missing field, JSON {@code null}, an empty string and the MySQL zero date ({@code 0000-00-00...}) read as
 * absent (null). A value present but unreadable is a {@link BadValue}: the caller turns it into the SDK's
 * exception for an answer that does not fit. Dates sent to GoAffPro are written by {@link #iso(Instant)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Lenient {

    /** Epoch values at or above this many units are milliseconds (year 5138 in seconds, 1973 in milliseconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final DateTimeFormatter ISO_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern JS_DATE = Pattern.compile(
            "(?:[A-Za-z]{3},?\\s+)?([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{4})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})"
                    + "\\s*(?:GMT|UTC|Z)?\\s*([+-]\\d{2}:?\\d{2})?(?:\\s*\\(.*\\))?");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    private static final int MAX_SHOWN = 60;

    /**
     * Reads JSON trees with floats as exact decimals, trailing zeros kept ({@code 58.10} stays {@code 58.10}).
     */
    private static final ObjectReader TREE = SdkJson.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private Lenient() {
    }

    /**
     * The reader every GoAffPro answer and webhook body is parsed with: floats become exact decimals with their
     * scale kept, so a money amount sent as a number is never rounded through a double.
     *
     * @return the shared, thread-safe reader
     */
    public static ObjectReader treeReader() {
        return TREE;
    }

    /** A value present in an answer that cannot be read as the type the SDK promises. */
    public static final class BadValue extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the failure.
         *
         * @param field the JSON field
         * @param expected what it should have been, e.g. {@code "a money amount"}
         * @param value the value seen (shown bounded)
         */
        public BadValue(String field, String expected, JsonNode value) {
            super("field '" + field + "' is not " + expected + ": " + shown(value));
        }

        private static String shown(JsonNode value) {
            String t = value.toString();
            return t.length() > MAX_SHOWN ? t.substring(0, MAX_SHOWN) + "..." : t;
        }
    }

    private static JsonNode present(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        return v;
    }

    /**
     * Reads a text field; a number or boolean is given as its text.
     *
     * @param node the object, possibly null
     * @param field the field name
     * @return the text, or null when absent
     * @throws BadValue when the field holds an object or an array
     */
    public static String text(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new BadValue(field, "a text value", v);
        }
        return v.asText();
    }

    /**
     * Reads an id, sent by GoAffPro as a number or a string.
     *
     * @param node the object, possibly null
     * @param field the field name
     * @return the id as text ({@code 12345}, never {@code 12345.0}), or null when absent
     * @throws BadValue when the field is neither a string nor a whole number
     */
    public static String id(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText().strip();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            try {
                BigInteger whole = d.toBigIntegerExact();
                return whole.toString();
            } catch (ArithmeticException fractional) {
                throw new BadValue(field, "an id", v);
            }
        }
        throw new BadValue(field, "an id", v);
    }

    /**
     * Reads a money amount, sent by GoAffPro as a string or a number, exactly.
     *
     * @param node the object, possibly null
     * @param field the field name
     * @return the amount with the scale it was sent with ({@code "58.00"} keeps two decimals), or null when absent
     * @throws BadValue when the value is not a decimal number
     */
    public static BigDecimal money(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().strip());
            } catch (NumberFormatException e) {
                throw new BadValue(field, "a money amount", v);
            }
        }
        throw new BadValue(field, "a money amount", v);
    }

    /**
     * Reads a whole number, sent as a number or digits.
     *
     * @param node the object, possibly null
     * @param field the field name
     * @return the number, or null when absent
     * @throws BadValue when the value is not a whole number
     */
    public static Long integer(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual() && DIGITS.matcher(v.asText().strip()).matches()) {
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException tooBig) {
                throw new BadValue(field, "a whole number", v);
            }
        }
        throw new BadValue(field, "a whole number", v);
    }

    /**
     * Reads a flag, sent as {@code true/false}, {@code 1/0} or their text ({@code "yes"/"no"} too).
     *
     * @param node the object, possibly null
     * @param field the field name
     * @return the flag, or null when absent
     * @throws BadValue for any other value
     */
    public static Boolean flag(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String t = v.asText().strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "1":
            case "true":
            case "yes":
                return Boolean.TRUE;
            case "0":
            case "false":
            case "no":
                return Boolean.FALSE;
            default:
                throw new BadValue(field, "a flag", v);
        }
    }

    /**
     * Reads a date in any of the forms GoAffPro sends (see the class comment).
     *
     * @param node the object, possibly null
     * @param field the field name
     * @return the instant, or null when absent or the zero date
     * @throws BadValue when the value is in none of the known forms
     */
    public static Instant instant(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return epoch(v.longValue());
        }
        if (!v.isTextual()) {
            throw new BadValue(field, "a date", v);
        }
        String t = v.asText().strip();
        if (t.startsWith("0000-00-00")) {
            return null;
        }
        Instant parsed = parseDate(t);
        if (parsed == null) {
            throw new BadValue(field, "a date", v);
        }
        return parsed;
    }

    /**
     * Parses a date text in any of the forms GoAffPro sends.
     *
     * @param text the text
     * @return the instant, or null when it is in none of the known forms
     */
    public static Instant parseDate(String text) {
        String t = text.strip();
        if (DIGITS.matcher(t).matches()) {
            try {
                return epoch(Long.parseLong(t));
            } catch (NumberFormatException tooBig) {
                return null;
            }
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notOffset) {
            // Try the next form.
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // Try the next form.
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
            // Try the next form.
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notRfc) {
            // Try the next form.
        }
        return javaScriptDate(t);
    }

    private static Instant javaScriptDate(String t) {
        Matcher m = JS_DATE.matcher(t);
        if (!m.matches()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) {
            return null;
        }
        try {
            ZoneOffset offset = m.group(7) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(7).length() == 5
                    ? m.group(7).substring(0, 3) + ":" + m.group(7).substring(3) : m.group(7));
            return LocalDateTime.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)))
                    .toInstant(offset);
        } catch (java.time.DateTimeException outOfRange) {
            return null;
        }
    }

    private static Instant epoch(long value) {
        return Math.abs(value) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    /**
     * Reads an array of texts; a single text reads as a one-item list, a comma-separated text is not split.
     *
     * @param node the object, possibly null
     * @param field the field name
     * @return the texts, empty when absent
     * @throws BadValue when an item is an object or an array
     */
    public static List<String> texts(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return List.of();
        }
        if (v.isValueNode()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new BadValue(field, "a list of texts", v);
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isValueNode()) {
                throw new BadValue(field, "a list of texts", v);
            }
            if (!item.isNull()) {
                out.add(item.asText());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Returns a nested object.
     *
     * @param node the object, possibly null
     * @param field the field name
     * @return the nested object, or null when absent or not an object
     */
    public static JsonNode object(JsonNode node, String field) {
        JsonNode v = present(node, field);
        return v != null && v.isObject() ? v : null;
    }

    /**
     * Returns the items of a nested array; an object (GoAffPro sometimes sends a map of id to item) gives its
     * values.
     *
     * @param node the object, possibly null
     * @param field the field name
     * @return the items, empty when absent
     */
    public static List<JsonNode> items(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null || !(v.isArray() || v.isObject())) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        if (v.isArray()) {
            v.forEach(out::add);
        } else {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                out.add(it.next().getValue());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Writes an instant as GoAffPro's callers do: ISO-8601 in UTC with milliseconds.
     *
     * @param instant the instant
     * @return e.g. {@code 2024-01-01T00:00:00.000Z}
     */
    public static String iso(Instant instant) {
        return ISO_OUT.format(instant);
    }
}
