package com.rabaislocal.sdk.webhooks.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.rabaislocal.sdk.webhooks.internal.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates each payload against the JSON Schema of its event type (networknt json-schema-validator, draft 2020-12 by
 * default; a schema's {@code $schema} picks another draft). The event type is read at {@code eventTypeAt}; a type with
 * no schema uses the default schema, or is refused when there is none. Problems name the instance location and the
 * failed keyword, never the value.
 *
 * <p>Schemas are given as text and compiled once, in {@link Builder#build()}. Immutable and thread-safe.
 */
public final class JsonSchemaPayloadValidator extends JsonPayloadValidator {

    /** How many problems a refusal lists at most. */
    public static final int MAX_PROBLEMS = 20;

    private final Map<String, Schema> byType;
    private final Schema fallback;

    private JsonSchemaPayloadValidator(JsonPointer typeAt, JsonPointer idAt, Map<String, Schema> byType,
            Schema fallback) {
        super(typeAt, idAt);
        this.byType = byType;
        this.fallback = fallback;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected List<String> problems(JsonNode json, String eventType) {
        Schema schema = eventType == null ? fallback : byType.getOrDefault(eventType, fallback);
        if (schema == null) {
            return List.of("event type has no schema");
        }
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(json)) {
            if (out.size() == MAX_PROBLEMS) {
                break;
            }
            String at = e.getInstanceLocation() == null ? "$" : e.getInstanceLocation().toString();
            if (e.getProperty() != null && "required".equals(e.getKeyword())) {
                at = at + "." + e.getProperty();
            }
            out.add(at + ": fails " + e.getKeyword());
        }
        return out;
    }

    @Override
    public String toString() {
        return "JsonSchemaPayloadValidator[types=" + byType.keySet() + ", default=" + (fallback != null) + "]";
    }

    /** Builds a {@link JsonSchemaPayloadValidator}; at least one schema is required. */
    public static final class Builder extends JsonPayloadValidator.Builder<Builder> {

        private final Map<String, String> schemas = new LinkedHashMap<>();
        private String defaultSchema;
        private SpecificationVersion version = SpecificationVersion.DRAFT_2020_12;

        private Builder() {
        }

        /**
         * The schema of one event type.
         *
         * @param eventType the value found at {@code eventTypeAt}, e.g. {@code activity.delivered}
         * @param schemaJson the JSON Schema, as JSON text
         * @return this builder
         */
        public Builder schema(String eventType, String schemaJson) {
            schemas.put(eventType, schemaJson);
            return this;
        }

        /**
         * The schema of payloads whose type has no schema of its own (or of every payload, when no type is read).
         *
         * @param schemaJson the JSON Schema, as JSON text
         * @return this builder
         */
        public Builder defaultSchema(String schemaJson) {
            this.defaultSchema = schemaJson;
            return this;
        }

        /**
         * @param version the draft used by schemas without {@code $schema}; default 2020-12
         * @return this builder
         */
        public Builder specification(SpecificationVersion version) {
            this.version = version;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @return the validator, every schema compiled
         * @throws com.rabaislocal.sdk.core.error.ValidationException listing every schema that does not compile, and
         *     a missing schema or pointer problem
         */
        public JsonSchemaPayloadValidator build() {
            Problems p = new Problems();
            JsonPointer type = pointer(eventTypeAt, "eventTypeAt", p);
            JsonPointer id = pointer(eventIdAt, "eventIdAt", p);
            p.require(!schemas.isEmpty() || defaultSchema != null, "schema", "at least one schema is required");
            p.require(schemas.isEmpty() || eventTypeAt != null, "eventTypeAt",
                    "is required when schemas are given per event type");
            p.require(version != null, "specification", "is required");
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    version == null ? SpecificationVersion.DRAFT_2020_12 : version);
            Map<String, Schema> compiled = new LinkedHashMap<>();
            schemas.forEach((t, text) -> {
                Schema s = compile(registry, text, "schema[" + t + "]", p);
                if (s != null) {
                    compiled.put(t, s);
                }
            });
            Schema fallback = defaultSchema == null ? null : compile(registry, defaultSchema, "defaultSchema", p);
            p.throwIfAny("JSON schema validator");
            return new JsonSchemaPayloadValidator(type, id, Map.copyOf(compiled), fallback);
        }

        private static Schema compile(SchemaRegistry registry, String text, String field, Problems p) {
            if (text == null || text.isBlank()) {
                p.require(false, field, "must not be blank");
                return null;
            }
            try {
                Schema s = registry.getSchema(text, InputFormat.JSON);
                // Compile every keyword now, so a broken schema fails at build time, not on the first delivery.
                s.initializeValidators();
                return s;
            } catch (RuntimeException e) {
                p.require(false, field, "does not compile: " + e.getMessage());
                return null;
            }
        }
    }
}
