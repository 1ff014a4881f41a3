package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.util.Optional;

/**
 * A tool call the model asked for ({@code message.tool_calls[]}), also sent back in the assistant message of the
 * history. The arguments are kept as the raw string the model wrote: it may not be valid JSON, so parsing is the
 * caller's explicit, safe step ({@link #argumentsJson()}, {@link #parseArguments(Class)}).
 *
 * @param id the call id to answer with a {@code tool} message
 * @param type {@code function}
 * @param function the function's name and arguments
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(@JsonProperty("id") String id, @JsonProperty("type") String type,
                       @JsonProperty("function") Function function) {

    /**
     * Creates a function call.
     *
     * @param id the call id
     * @param name the function name
     * @param arguments the raw arguments text
     * @return the call
     */
    public static ToolCall function(String id, String name, String arguments) {
        return new ToolCall(id, "function", new Function(name, arguments));
    }

    /** @return the function's name, or null */
    public String name() {
        return function == null ? null : function.name();
    }

    /** @return the raw arguments string, exactly as the model wrote it (empty when absent) */
    public String arguments() {
        return function == null || function.arguments() == null ? "" : function.arguments();
    }

    /** @return the arguments as a JSON object, or empty when they are not a valid JSON object */
    public Optional<JsonNode> argumentsJson() {
        try {
            JsonNode n = SdkJson.mapper().readTree(arguments());
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Binds the arguments to a type.
     *
     * @param type a record or class matching the tool's parameters schema
     * @param <T> the type
     * @return the bound arguments
     * @throws ToolArgumentsException naming the tool and what did not parse
     */
    public <T> T parseArguments(Class<T> type) {
        try {
            T value = SdkJson.mapper().readValue(arguments(), type);
            if (value == null) {
                throw new ToolArgumentsException(name(), "the arguments are empty", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ToolArgumentsException(name(), e.getOriginalMessage(), e);
        }
    }

    /**
     * The function part of a call.
     *
     * @param name the function name
     * @param arguments the raw arguments text, usually a JSON object
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Function(@JsonProperty("name") String name, @JsonProperty("arguments") String arguments) {
    }
}
