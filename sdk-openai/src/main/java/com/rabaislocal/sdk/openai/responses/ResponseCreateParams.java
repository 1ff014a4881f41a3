package com.rabaislocal.sdk.openai.responses;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.chat.ResponseFormat;
import com.rabaislocal.sdk.openai.chat.Tool;
import com.rabaislocal.sdk.openai.chat.ToolChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /responses}. The input is a string or a list of items ({@link ResponseInputItem}); function
 * tools are sent flat ({@code {"type":"function","name",...}}) and the text format flat in {@code text.format}, as
 * the Responses API takes them. {@link #toString()} never shows the input.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ResponseCreateParams {

    @JsonProperty("model")
    private final String model;
    @JsonProperty("input")
    private final Object input;
    @JsonProperty("instructions")
    private final String instructions;
    @JsonProperty("tools")
    private final List<ObjectNode> tools;
    @JsonProperty("tool_choice")
    private final Object toolChoice;
    @JsonProperty("previous_response_id")
    private final String previousResponseId;
    @JsonProperty("text")
    private final ObjectNode text;
    @JsonProperty("store")
    private final Boolean store;
    @JsonProperty("max_output_tokens")
    private final Integer maxOutputTokens;
    @JsonProperty("temperature")
    private final Double temperature;
    @JsonProperty("metadata")
    private final Map<String, String> metadata;
    @JsonProperty("stream")
    private final Boolean stream;

    private ResponseCreateParams(Builder b, Boolean stream) {
        this.model = b.model;
        this.input = b.inputText != null ? b.inputText : List.copyOf(b.items);
        this.instructions = b.instructions;
        this.tools = b.tools.isEmpty() ? null : b.tools.stream().map(ObjectNode::deepCopy).toList();
        this.toolChoice = b.toolChoice == null ? null : flatChoice(b.toolChoice);
        this.previousResponseId = b.previousResponseId;
        this.text = b.format == null ? null : JsonNodeFactory.instance.objectNode().set("format",
                b.format.responsesForm());
        this.store = b.store;
        this.maxOutputTokens = b.maxOutputTokens;
        this.temperature = b.temperature;
        this.metadata = b.metadata.isEmpty() ? null : Map.copyOf(b.metadata);
        this.stream = stream;
    }

    /** A copy with {@code stream} set: the values were fixed by {@link Builder#build()}, not read again. */
    private ResponseCreateParams(ResponseCreateParams p, Boolean stream) {
        this.model = p.model;
        this.input = p.input;
        this.instructions = p.instructions;
        this.tools = p.tools;
        this.toolChoice = p.toolChoice;
        this.previousResponseId = p.previousResponseId;
        this.text = p.text;
        this.store = p.store;
        this.maxOutputTokens = p.maxOutputTokens;
        this.temperature = p.temperature;
        this.metadata = p.metadata;
        this.stream = stream;
    }

    private static Object flatChoice(ToolChoice c) {
        String fn = c.functionName();
        return fn == null ? c.value() : Map.of("type", "function", "name", fn);
    }

    /** @return a builder; model and an input are required */
    public static Builder builder() {
        return new Builder();
    }

    ResponseCreateParams streaming() {
        return new ResponseCreateParams(this, Boolean.TRUE);
    }

    /** @return the model */
    public String model() {
        return model;
    }

    /** @return whether the response is stored, or null for OpenAI's default (stored) */
    public Boolean store() {
        return store;
    }

    @Override
    public String toString() {
        return "ResponseCreateParams{model=" + model + ", input=" + (input instanceof String ? "text"
                : ((List<?>) input).size() + " items") + ", tools=" + (tools == null ? 0 : tools.size())
                + ", previousResponseId=" + previousResponseId + '}';
    }

    /** Builds {@link ResponseCreateParams}; not thread-safe. */
    public static final class Builder {
        private String model;
        private String inputText;
        private final List<ResponseInputItem> items = new ArrayList<>();
        private String instructions;
        private final List<ObjectNode> tools = new ArrayList<>();
        private ToolChoice toolChoice;
        private String previousResponseId;
        private ResponseFormat format;
        private Boolean store;
        private Integer maxOutputTokens;
        private Double temperature;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the model.
         *
         * @param model e.g. {@code gpt-4o-mini}; required
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Sets the input as one user text (instead of items).
         *
         * @param text the text
         * @return this builder
         */
        public Builder input(String text) {
            this.inputText = text;
            return this;
        }

        /**
         * Adds an input item (instead of a text).
         *
         * @param item a message or a function call output
         * @return this builder
         */
        public Builder item(ResponseInputItem item) {
            this.items.add(item);
            return this;
        }

        /**
         * Sets the instructions (the system prompt; not carried over by {@code previous_response_id}).
         *
         * @param instructions the text, or null
         * @return this builder
         */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /**
         * Adds a function tool (sent in the flat form the Responses API takes).
         *
         * @param tool the tool
         * @return this builder
         */
        public Builder tool(Tool tool) {
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", "function")
                    .put("name", tool.function().name());
            if (tool.function().description() != null) {
                n.put("description", tool.function().description());
            }
            n.set("parameters", tool.function().parameters());
            n.put("strict", tool.function().strict());
            tools.add(n);
            return this;
        }

        /**
         * Adds a tool in its raw JSON form (built-in tools such as {@code web_search}).
         *
         * @param tool the JSON object
         * @return this builder
         */
        public Builder rawTool(ObjectNode tool) {
            tools.add(tool);
            return this;
        }

        /**
         * Sets {@code tool_choice}.
         *
         * @param choice the choice, or null
         * @return this builder
         */
        public Builder toolChoice(ToolChoice choice) {
            this.toolChoice = choice;
            return this;
        }

        /**
         * Continues a stored response (server-side history).
         *
         * @param id e.g. {@code resp_...}, or null
         * @return this builder
         */
        public Builder previousResponseId(String id) {
            this.previousResponseId = id;
            return this;
        }

        /**
         * Sets {@code text.format}.
         *
         * @param format text, JSON object or JSON schema; null for text
         * @return this builder
         */
        public Builder textFormat(ResponseFormat format) {
            this.format = format;
            return this;
        }

        /**
         * Sets {@code store}.
         *
         * @param store whether OpenAI keeps the response (needed for {@code previous_response_id}); null for
         *     OpenAI's default (true)
         * @return this builder
         */
        public Builder store(Boolean store) {
            this.store = store;
            return this;
        }

        /**
         * Sets {@code max_output_tokens}.
         *
         * @param tokens at least 16; null for the model's limit
         * @return this builder
         */
        public Builder maxOutputTokens(Integer tokens) {
            this.maxOutputTokens = tokens;
            return this;
        }

        /**
         * Sets {@code temperature}.
         *
         * @param temperature 0 to 2, or null
         * @return this builder
         */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Adds a metadata pair.
         *
         * @param key at most 64 characters; at most 16 pairs
         * @param value at most 512 characters
         * @return this builder
         */
        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the params
         * @throws ValidationException listing every failing field
         */
        public ResponseCreateParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (model == null || model.isBlank()) {
                errors.put("model", List.of("is required (e.g. gpt-4o-mini)"));
            }
            if (inputText == null && items.isEmpty()) {
                errors.put("input", List.of("is required: a text or at least one item"));
            }
            if (inputText != null && !items.isEmpty()) {
                errors.put("input", List.of("is either a text or items, not both"));
            }
            if (maxOutputTokens != null && maxOutputTokens < 16) {
                errors.put("max_output_tokens", List.of("must be at least 16, was " + maxOutputTokens));
            }
            if (temperature != null && (temperature < 0 || temperature > 2)) {
                errors.put("temperature", List.of("must be 0 to 2, was " + temperature));
            }
            if (previousResponseId != null && previousResponseId.isBlank()) {
                errors.put("previous_response_id", List.of("must not be blank"));
            }
            if (metadata.size() > 16) {
                errors.put("metadata", List.of("at most 16 pairs, had " + metadata.size()));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("response params", errors);
            }
            return new ResponseCreateParams(this, null);
        }
    }
}
