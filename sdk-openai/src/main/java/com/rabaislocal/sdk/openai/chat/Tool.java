package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.openai.schema.JsonSchemas;

/**
 * A function the model may call, as Chat Completions takes it:
 * {@code {"type":"function","function":{"name","description","parameters","strict"}}}.
 *
 * @param type {@code function}
 * @param function the function's definition
 */
public record Tool(@JsonProperty("type") String type, @JsonProperty("function") FunctionDef function) {

    /**
     * A function whose parameters are the strict schema of a record or class.
     *
     * @param name letters, digits, {@code _} and {@code -}, at most 64 characters
     * @param description what it does, for the model; may be null
     * @param arguments the record the arguments bind to
     * @return the tool, with {@code strict: true}
     */
    public static Tool function(String name, String description, Class<?> arguments) {
        return new Tool("function", new FunctionDef(name, description, JsonSchemas.strictSchema(arguments), true));
    }

    /**
     * A function with a hand-written schema.
     *
     * @param name letters, digits, {@code _} and {@code -}, at most 64 characters
     * @param description what it does, for the model; may be null
     * @param parameters its JSON schema (an object schema)
     * @param strict whether the model must follow the schema exactly (the schema must then meet the strict rules)
     * @return the tool
     */
    public static Tool function(String name, String description, ObjectNode parameters, boolean strict) {
        return new Tool("function", new FunctionDef(name, description, parameters, strict));
    }

    /** @return the function name */
    public String name() {
        return function.name();
    }

    /**
     * The definition of a function.
     *
     * @param name the name
     * @param description the description, or null
     * @param parameters the JSON schema of its arguments
     * @param strict whether structured outputs apply to the arguments
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionDef(@JsonProperty("name") String name, @JsonProperty("description") String description,
                              @JsonProperty("parameters") ObjectNode parameters,
                              @JsonProperty("strict") boolean strict) {
    }
}
