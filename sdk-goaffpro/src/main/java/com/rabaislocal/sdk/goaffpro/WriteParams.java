package com.rabaislocal.sdk.goaffpro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part every GoAffPro write's parameters share: a JSON object body built field by field, with GoAffPro's
 * names, plus {@link Base#field(String, Object) raw fields} for what the typed setters lack. Immutable once built;
 * {@link #body()} returns a copy. {@link #toString()} names the fields set, never their values (they hold personal
 * data and passwords).
 */
public abstract class WriteParams {

    private final ObjectNode body;

    /**
     * Copies a validated builder.
     *
     * @param b the builder
     */
    protected WriteParams(Base<?> b) {
        this.body = b.body.deepCopy();
    }

    /** @return a copy of the JSON body as sent */
    public ObjectNode body() {
        return body.deepCopy();
    }

    /**
     * Returns one field of the body.
     *
     * @param name the GoAffPro field name
     * @return a copy of its value, or null when not set
     */
    public JsonNode get(String name) {
        JsonNode v = body.get(name);
        return v == null ? null : v.deepCopy();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('{');
        body.fieldNames().forEachRemaining(n -> sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ").append(n));
        return sb.append('}').toString();
    }

    /**
     * The shared part of a write params builder.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Base<B extends Base<B>> {
        private final ObjectNode body = SdkJson.mapper().createObjectNode();
        private final Map<String, List<String>> problems = new LinkedHashMap<>();

        /** Starts a builder with an empty body. */
        protected Base() {
        }

        /** @return this builder, as its concrete type */
        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        /** @return the body being built, for subclasses that nest objects */
        protected final ObjectNode node() {
            return body;
        }

        /**
         * Sets a raw field, for what the typed setters lack (GoAffPro adds fields without notice).
         *
         * @param name the GoAffPro field name, non-blank
         * @param value any value Jackson can write; null removes the field
         * @return this builder
         */
        public B field(String name, Object value) {
            if (name == null || name.isBlank()) {
                problems.put("field", List.of("names must not be blank"));
            } else if (value == null) {
                body.remove(name);
            } else {
                body.set(name, SdkJson.mapper().valueToTree(value));
            }
            return self();
        }

        /**
         * Sets a text field, stripped; null removes it, blank is a problem.
         *
         * @param name the field
         * @param value the text
         * @return this builder
         */
        protected final B text(String name, String value) {
            if (value == null) {
                body.remove(name);
            } else if (value.isBlank()) {
                problem(name, "must not be blank");
            } else {
                body.put(name, value.strip());
            }
            return self();
        }

        /**
         * Sets a money field, sent as a JSON number with its scale kept; null removes it.
         *
         * @param name the field
         * @param value the amount
         * @param allowNegative whether a negative amount is allowed (a clawback)
         * @return this builder
         */
        protected final B money(String name, BigDecimal value, boolean allowNegative) {
            if (value == null) {
                body.remove(name);
            } else if (!allowNegative && value.signum() < 0) {
                problem(name, "must not be negative, was " + value.toPlainString());
            } else {
                body.put(name, value);
            }
            return self();
        }

        /**
         * Sets a date field, sent as ISO-8601 UTC; null removes it.
         *
         * @param name the field
         * @param value the instant
         * @return this builder
         */
        protected final B date(String name, Instant value) {
            if (value == null) {
                body.remove(name);
            } else {
                body.put(name, Lenient.iso(value));
            }
            return self();
        }

        /**
         * Records a problem found by a setter, reported by {@link #check(String, String...)}.
         *
         * @param field the field
         * @param message what is wrong
         */
        protected final void problem(String field, String message) {
            problems.computeIfAbsent(field, k -> new java.util.ArrayList<>()).add(message);
        }

        /**
         * Checks required fields and the setters' problems, throwing them all at once.
         *
         * @param subject what is being built, for the message
         * @param required fields that must be set
         * @throws ValidationException naming every problem
         */
        protected final void check(String subject, String... required) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (String r : required) {
                if (!body.hasNonNull(r)) {
                    errors.put(r, List.of("is required"));
                }
            }
            errors.putAll(problems);
            if (!errors.isEmpty()) {
                throw new ValidationException(subject, errors);
            }
        }
    }
}
