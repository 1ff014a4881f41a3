package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The PostgreSQL column types the stand-in's tables use, with PostgreSQL's input rules (what a JSON body value or a
 * filter literal may be) and PostgREST's output form (e.g. {@code timestamptz} as {@code 2025-06-01T14:03:22.5+00:00}).
 */
enum PgType {
    UUID_TYPE("uuid"),
    TEXT("text"),
    INTEGER("integer"),
    BIGINT("bigint"),
    /** {@code numeric(5,2)}: at most 999.99, two decimals. */
    NUMERIC_5_2("numeric"),
    BOOLEAN("boolean"),
    TIMESTAMPTZ("timestamp with time zone"),
    JSONB("jsonb"),
    INET("inet");

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");
    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    final String sqlName;

    PgType(String sqlName) {
        this.sqlName = sqlName;
    }

    /**
     * Converts a JSON body value to the stored form, as PostgreSQL's input function would.
     *
     * @param now the transaction time, for {@code 'now'}
     * @throws Refusal with PostgreSQL's SQLSTATE when the value does not fit the type
     */
    JsonNode input(JsonNode value, Instant now) {
        if (value == null || value.isNull()) {
            return NullNode.instance;
        }
        if (this == JSONB) {
            return value.deepCopy();
        }
        if (value.isContainerNode()) {
            throw Refusal.invalidText(sqlName, value.toString());
        }
        return literal(value.asText(), now);
    }

    /**
     * Converts a filter literal (the text after {@code eq.}) or a scalar body value to the stored form.
     *
     * @param now the transaction time, for {@code 'now'}
     * @throws Refusal with PostgreSQL's SQLSTATE when the text is not a value of the type
     */
    JsonNode literal(String text, Instant now) {
        switch (this) {
            case UUID_TYPE:
                try {
                    return TextNode.valueOf(UUID.fromString(text.strip()).toString());
                } catch (IllegalArgumentException e) {
                    throw Refusal.invalidText(sqlName, text);
                }
            case TEXT:
                return TextNode.valueOf(text);
            case INTEGER:
            case BIGINT:
                try {
                    long v = Long.parseLong(text.strip());
                    if (this == INTEGER && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                        throw Refusal.badRequest("22003", "value \"" + text + "\" is out of range for type integer",
                                null, null);
                    }
                    return LongNode.valueOf(v);
                } catch (NumberFormatException e) {
                    throw Refusal.invalidText(sqlName, text);
                }
            case NUMERIC_5_2:
                try {
                    BigDecimal v = new BigDecimal(text.strip()).setScale(2, RoundingMode.HALF_UP);
                    if (v.abs().compareTo(new BigDecimal("1000")) >= 0) {
                        throw Refusal.badRequest("22003", "numeric field overflow",
                                "A field with precision 5, scale 2 must round to an absolute value less than 10^3.",
                                null);
                    }
                    return DecimalNode.valueOf(v);
                } catch (NumberFormatException e) {
                    throw Refusal.invalidText(sqlName, text);
                }
            case BOOLEAN:
                switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "true": case "t": case "yes": case "on": case "1":
                        return BooleanNode.TRUE;
                    case "false": case "f": case "no": case "off": case "0":
                        return BooleanNode.FALSE;
                    default:
                        throw Refusal.invalidText(sqlName, text);
                }
            case TIMESTAMPTZ:
                return TextNode.valueOf(format(parseInstant(text, now)));
            case INET:
                String ip = text.strip();
                if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
                    throw Refusal.invalidText(sqlName, text);
                }
                return TextNode.valueOf(ip);
            case JSONB:
            default:
                throw Refusal.invalidText(sqlName, text);
        }
    }

    /**
     * Orders two stored non-null values of this type.
     */
    int compare(JsonNode a, JsonNode b) {
        switch (this) {
            case INTEGER:
            case BIGINT:
            case NUMERIC_5_2:
                return a.decimalValue().compareTo(b.decimalValue());
            case BOOLEAN:
                return Boolean.compare(a.booleanValue(), b.booleanValue());
            case TIMESTAMPTZ:
                return parseInstant(a.asText(), null).compareTo(parseInstant(b.asText(), null));
            case JSONB:
                return a.toString().compareTo(b.toString());
            default:
                return a.asText().compareTo(b.asText());
        }
    }

    /** PostgREST's form of a {@code timestamptz}: UTC, microseconds, trailing zeros of the fraction dropped. */
    static String format(Instant instant) {
        OffsetDateTime t = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(WHOLE_SECONDS.format(t));
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String fraction = String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
            s.append('.').append(fraction);
        }
        return s.append("+00:00").toString();
    }

    /** Reads ISO-8601 with an offset or {@code Z} (a space may replace the {@code T}), or {@code now}. */
    static Instant parseInstant(String text, Instant now) {
        String t = text.strip();
        if (now != null && t.equalsIgnoreCase("now")) {
            return now;
        }
        try {
            return OffsetDateTime.parse(t.replaceFirst(" ", "T").replaceFirst("([+-]\\d\\d)$", "$1:00")).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.badRequest("22007", "invalid input syntax for type timestamp with time zone: \"" + text
                    + "\"", null, null);
        }
    }
}
