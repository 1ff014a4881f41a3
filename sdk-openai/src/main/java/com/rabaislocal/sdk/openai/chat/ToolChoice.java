package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * {@code tool_choice}: {@link #NONE}, {@link #AUTO}, {@link #REQUIRED} or {@link #function(String) one function}.
 */
public final class ToolChoice {

    /** The model answers with text and calls no tool. */
    public static final ToolChoice NONE = new ToolChoice("none");
    /** The model decides (the default when tools are given). */
    public static final ToolChoice AUTO = new ToolChoice("auto");
    /** The model must call at least one tool. */
    public static final ToolChoice REQUIRED = new ToolChoice("required");

    private final Object value;

    private ToolChoice(Object value) {
        this.value = value;
    }

    /**
     * Forces one function.
     *
     * @param name the function's name
     * @return the choice
     */
    public static ToolChoice function(String name) {
        return new ToolChoice(Map.of("type", "function", "function", Map.of("name", name)));
    }

    /** @return the JSON value: a string or an object */
    @JsonValue
    public Object value() {
        return value;
    }

    /** @return the forced function's name, or null for the string choices */
    public String functionName() {
        if (value instanceof Map) {
            Object f = ((Map<?, ?>) value).get("function");
            return f instanceof Map ? String.valueOf(((Map<?, ?>) f).get("name")) : null;
        }
        return null;
    }

    @Override
    public String toString() {
        return "ToolChoice{" + value + '}';
    }
}
