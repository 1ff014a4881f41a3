package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.schema.JsonSchemas;
import java.util.regex.Pattern;

/**
 * {@code response_format}: {@link #text()}, {@link #jsonObject()} (legacy JSON mode: valid JSON, no schema) or a
 * JSON schema (structured outputs), from a record with {@link #jsonSchema(String, Class)} or hand-written.
 */
public final class ResponseFormat {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final ResponseFormat TEXT = new ResponseFormat("text", null, null, null, false);
    private static final ResponseFormat JSON_OBJECT = new ResponseFormat("json_object", null, null, null, false);

    private final String type;
    private final String name;
    private final String description;
    private final ObjectNode schema;
    private final boolean strict;

    private ResponseFormat(String type, String name, String description, ObjectNode schema, boolean strict) {
        this.type = type;
        this.name = name;
        this.description = description;
        this.schema = schema;
        this.strict = strict;
    }

    /** @return plain text (the default) */
    public static ResponseFormat text() {
        return TEXT;
    }

    /** @return JSON mode: the answer is a JSON object; the prompt must ask for JSON */
    public static ResponseFormat jsonObject() {
        return JSON_OBJECT;
    }

    /**
     * A strict JSON schema generated from a record or class (see {@link JsonSchemas#strictSchema(Class)}).
     *
     * @param name {@code [a-zA-Z0-9_-]}, at most 64 characters
     * @param type the record the answer binds to
     * @return the format, with {@code strict: true}
     * @throws ValidationException when the name is not valid
     */
    public static ResponseFormat jsonSchema(String name, Class<?> type) {
        return jsonSchema(name, null, JsonSchemas.strictSchema(type), true);
    }

    /**
     * A JSON schema.
     *
     * @param name {@code [a-zA-Z0-9_-]}, at most 64 characters
     * @param description what the answer is, for the model; may be null
     * @param schema the schema (an object schema)
     * @param strict whether the model must follow it exactly
     * @return the format
     * @throws ValidationException when the name is not valid or the schema is null
     */
    public static ResponseFormat jsonSchema(String name, String description, ObjectNode schema, boolean strict) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("response_format.json_schema.name",
                    "must be 1 to 64 of [a-zA-Z0-9_-], was " + (name == null ? "null" : '"' + name + '"'));
        }
        if (schema == null) {
            throw new ValidationException("response_format.json_schema.schema", "is required");
        }
        return new ResponseFormat("json_schema", name, description, schema, strict);
    }

    /** @return {@code text}, {@code json_object} or {@code json_schema} */
    public String type() {
        return type;
    }

    /** @return the schema's name, or null */
    public String name() {
        return name;
    }

    /** @return the schema, or null */
    public ObjectNode schema() {
        return schema;
    }

    /** @return whether the schema is strict */
    public boolean strict() {
        return strict;
    }

    /** @return the Chat Completions form: {@code {"type":"json_schema","json_schema":{name, schema, strict}}} */
    @JsonValue
    public ObjectNode chatForm() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", type);
        if (schema != null) {
            n.set("json_schema", schemaObject(JsonNodeFactory.instance.objectNode()));
        }
        return n;
    }

    /** @return the Responses API form, flat: {@code {"type":"json_schema", name, schema, strict}} */
    public ObjectNode responsesForm() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", type);
        return schema == null ? n : schemaObject(n);
    }

    private ObjectNode schemaObject(ObjectNode n) {
        n.put("name", name);
        if (description != null) {
            n.put("description", description);
        }
        n.set("schema", schema);
        n.put("strict", strict);
        return n;
    }

    @Override
    public String toString() {
        return "ResponseFormat{" + type + (name == null ? "" : ", " + name) + '}';
    }
}
