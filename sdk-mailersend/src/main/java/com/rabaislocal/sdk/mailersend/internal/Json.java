package com.rabaislocal.sdk.mailersend.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lenient reading of MailerSend's JSON: absent, null and wrongly typed values read as empty, so a model survives the
 * fields MailerSend adds or leaves out. Internal: no compatibility promise.
 */
public final class Json {

    private Json() {
    }

    /**
     * @param node an object, possibly missing
     * @param field the field name
     * @return its text, or null when absent, null or not a value
     */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /**
     * @param node an object
     * @param field the field name
     * @return its text, empty when absent
     */
    public static Optional<String> optText(JsonNode node, String field) {
        String t = text(node, field);
        return t == null || t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /**
     * @param node an object
     * @param field the field name
     * @param fallback the value when absent or not a number
     * @return the number
     */
    public static long number(JsonNode node, String field, long fallback) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asText().strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * @param node an object
     * @param field the field name
     * @return the boolean, false when absent
     */
    public static boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && (v.asBoolean(false) || "1".equals(v.asText()));
    }

    /**
     * Reads a time written as ISO-8601 (with or without offset) or as epoch seconds.
     *
     * @param node an object
     * @param field the field name
     * @return the instant, empty when absent or unreadable
     */
    public static Optional<Instant> instant(JsonNode node, String field) {
        String t = text(node, field);
        if (t == null || t.isBlank()) {
            return Optional.empty();
        }
        String s = t.strip();
        if (s.chars().allMatch(Character::isDigit)) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException again) {
                try {
                    return Optional.of(java.time.LocalDateTime.parse(s.replace(' ', 'T'))
                            .toInstant(java.time.ZoneOffset.UTC));
                } catch (DateTimeParseException last) {
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * @param node an object
     * @param field the field name of an array of strings
     * @return the strings, empty when absent
     */
    public static List<String> texts(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(e -> {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            });
        }
        return List.copyOf(out);
    }
}
