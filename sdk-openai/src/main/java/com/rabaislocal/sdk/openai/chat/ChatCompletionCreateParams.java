package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /chat/completions}: model, messages and every option RabaisLocal uses. Immutable; serialised
 * as is (only the fields set are sent). {@link Builder#build()} checks every documented limit at once.
 * {@link #toString()} names the model and counts the messages, never their text.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ChatCompletionCreateParams {

    @JsonProperty("model")
    private final String model;
    @JsonProperty("messages")
    private final List<ChatMessage> messages;
    @JsonProperty("tools")
    private final List<Tool> tools;
    @JsonProperty("tool_choice")
    private final ToolChoice toolChoice;
    @JsonProperty("parallel_tool_calls")
    private final Boolean parallelToolCalls;
    @JsonProperty("response_format")
    private final ResponseFormat responseFormat;
    @JsonProperty("seed")
    private final Long seed;
    @JsonProperty("stop")
    private final List<String> stop;
    @JsonProperty("max_completion_tokens")
    private final Integer maxCompletionTokens;
    @JsonProperty("temperature")
    private final Double temperature;
    @JsonProperty("top_p")
    private final Double topP;
    @JsonProperty("n")
    private final Integer n;
    @JsonProperty("presence_penalty")
    private final Double presencePenalty;
    @JsonProperty("frequency_penalty")
    private final Double frequencyPenalty;
    @JsonProperty("reasoning_effort")
    private final String reasoningEffort;
    @JsonProperty("metadata")
    private final Map<String, String> metadata;
    @JsonProperty("store")
    private final Boolean store;
    @JsonProperty("safety_identifier")
    private final String safetyIdentifier;
    @JsonProperty("stream")
    private final Boolean stream;
    @JsonProperty("stream_options")
    private final Map<String, Object> streamOptions;

    private ChatCompletionCreateParams(Builder b, Boolean stream, Map<String, Object> streamOptions) {
        this.model = b.model;
        this.messages = List.copyOf(b.messages);
        this.tools = b.tools.isEmpty() ? null : List.copyOf(b.tools);
        this.toolChoice = b.toolChoice;
        this.parallelToolCalls = b.parallelToolCalls;
        this.responseFormat = b.responseFormat;
        this.seed = b.seed;
        this.stop = b.stop.isEmpty() ? null : List.copyOf(b.stop);
        this.maxCompletionTokens = b.maxCompletionTokens;
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.n = b.n;
        this.presencePenalty = b.presencePenalty;
        this.frequencyPenalty = b.frequencyPenalty;
        this.reasoningEffort = b.reasoningEffort;
        this.metadata = b.metadata.isEmpty() ? null : Map.copyOf(b.metadata);
        this.store = b.store;
        this.safetyIdentifier = b.safetyIdentifier;
        this.stream = stream;
        this.streamOptions = streamOptions;
    }

    /** @return a builder; {@code model} and at least one message are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        Builder b = new Builder().model(model).messages(messages).toolChoice(toolChoice)
                .parallelToolCalls(parallelToolCalls).responseFormat(responseFormat).seed(seed)
                .maxCompletionTokens(maxCompletionTokens).temperature(temperature).topP(topP).n(n)
                .presencePenalty(presencePenalty).frequencyPenalty(frequencyPenalty).reasoningEffort(reasoningEffort)
                .store(store).safetyIdentifier(safetyIdentifier);
        if (tools != null) {
            b.tools.addAll(tools);
        }
        if (stop != null) {
            b.stop.addAll(stop);
        }
        if (metadata != null) {
            b.metadata.putAll(metadata);
        }
        return b;
    }

    /** The same body asking for a stream, with the usage chunk at the end when {@code includeUsage}. */
    ChatCompletionCreateParams streaming(boolean includeUsage) {
        return new ChatCompletionCreateParams(toBuilder(), Boolean.TRUE,
                includeUsage ? Map.of("include_usage", Boolean.TRUE) : null);
    }

    /** @return the model, e.g. {@code gpt-4o-mini} */
    public String model() {
        return model;
    }

    /** @return the messages, in order */
    public List<ChatMessage> messages() {
        return messages;
    }

    /** @return the tools, empty when none */
    public List<Tool> tools() {
        return tools == null ? List.of() : tools;
    }

    /** @return the tool choice, or null */
    public ToolChoice toolChoice() {
        return toolChoice;
    }

    /** @return the response format, or null for text */
    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** @return the temperature, or null */
    public Double temperature() {
        return temperature;
    }

    /** @return the metadata, empty when none */
    public Map<String, String> metadata() {
        return metadata == null ? Map.of() : metadata;
    }

    /** @return whether OpenAI stores the completion, or null for its default */
    public Boolean store() {
        return store;
    }

    @Override
    public String toString() {
        return "ChatCompletionCreateParams{model=" + model + ", messages=" + messages.size() + ", tools="
                + tools().size() + (responseFormat == null ? "" : ", responseFormat=" + responseFormat.type()) + '}';
    }

    /** Builds {@link ChatCompletionCreateParams}; not thread-safe. */
    public static final class Builder {
        private String model;
        private final List<ChatMessage> messages = new ArrayList<>();
        private final List<Tool> tools = new ArrayList<>();
        private ToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private ResponseFormat responseFormat;
        private Long seed;
        private final List<String> stop = new ArrayList<>();
        private Integer maxCompletionTokens;
        private Double temperature;
        private Double topP;
        private Integer n;
        private Double presencePenalty;
        private Double frequencyPenalty;
        private String reasoningEffort;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private Boolean store;
        private String safetyIdentifier;

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
         * Adds a message.
         *
         * @param message the message
         * @return this builder
         */
        public Builder message(ChatMessage message) {
            this.messages.add(message);
            return this;
        }

        /**
         * Adds messages.
         *
         * @param messages the messages, in order
         * @return this builder
         */
        public Builder messages(List<ChatMessage> messages) {
            this.messages.addAll(messages);
            return this;
        }

        /**
         * Adds a system message.
         *
         * @param text the instructions
         * @return this builder
         */
        public Builder system(String text) {
            return message(ChatMessage.system(text));
        }

        /**
         * Adds a user message.
         *
         * @param text the text
         * @return this builder
         */
        public Builder user(String text) {
            return message(ChatMessage.user(text));
        }

        /**
         * Adds a tool.
         *
         * @param tool the tool; at most 128
         * @return this builder
         */
        public Builder tool(Tool tool) {
            this.tools.add(tool);
            return this;
        }

        /**
         * Sets {@code tool_choice}.
         *
         * @param toolChoice none, auto, required or one function; null for OpenAI's default
         * @return this builder
         */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /**
         * Sets {@code parallel_tool_calls}.
         *
         * @param parallel whether the model may ask for several calls at once; null for OpenAI's default (true)
         * @return this builder
         */
        public Builder parallelToolCalls(Boolean parallel) {
            this.parallelToolCalls = parallel;
            return this;
        }

        /**
         * Sets {@code response_format}.
         *
         * @param format text, JSON object or JSON schema; null for text
         * @return this builder
         */
        public Builder responseFormat(ResponseFormat format) {
            this.responseFormat = format;
            return this;
        }

        /**
         * Sets {@code seed} (best-effort determinism).
         *
         * @param seed any value; null for none
         * @return this builder
         */
        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Adds a stop sequence.
         *
         * @param sequence not empty; at most 4 in all
         * @return this builder
         */
        public Builder stop(String sequence) {
            this.stop.add(sequence);
            return this;
        }

        /**
         * Sets {@code max_completion_tokens} (visible and reasoning tokens).
         *
         * @param tokens positive; null for the model's limit
         * @return this builder
         */
        public Builder maxCompletionTokens(Integer tokens) {
            this.maxCompletionTokens = tokens;
            return this;
        }

        /**
         * Sets {@code temperature}.
         *
         * @param temperature 0 to 2; null for OpenAI's default (1)
         * @return this builder
         */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets {@code top_p}.
         *
         * @param topP 0 to 1; null for OpenAI's default (1)
         * @return this builder
         */
        public Builder topP(Double topP) {
            this.topP = topP;
            return this;
        }

        /**
         * Sets {@code n}, the number of choices.
         *
         * @param n 1 to 128; null for 1
         * @return this builder
         */
        public Builder n(Integer n) {
            this.n = n;
            return this;
        }

        /**
         * Sets {@code presence_penalty}.
         *
         * @param penalty -2 to 2; null for 0
         * @return this builder
         */
        public Builder presencePenalty(Double penalty) {
            this.presencePenalty = penalty;
            return this;
        }

        /**
         * Sets {@code frequency_penalty}.
         *
         * @param penalty -2 to 2; null for 0
         * @return this builder
         */
        public Builder frequencyPenalty(Double penalty) {
            this.frequencyPenalty = penalty;
            return this;
        }

        /**
         * Sets {@code reasoning_effort} (reasoning models).
         *
         * @param effort {@code minimal}, {@code low}, {@code medium} or {@code high} (or a newer value); null for
         *     the model's default
         * @return this builder
         */
        public Builder reasoningEffort(String effort) {
            this.reasoningEffort = effort;
            return this;
        }

        /**
         * Adds a metadata pair (stored with the completion when {@code store} is on).
         *
         * @param key at most 64 characters; at most 16 pairs
         * @param value at most 512 characters
         * @return this builder
         */
        public Builder metadata(String key, String value) {
            this.metadata.put(key, value);
            return this;
        }

        /**
         * Sets {@code store}.
         *
         * @param store whether OpenAI keeps the completion for evals and distillation; null for its default
         * @return this builder
         */
        public Builder store(Boolean store) {
            this.store = store;
            return this;
        }

        /**
         * Sets {@code safety_identifier}: a stable, hashed id of the end user, for OpenAI's abuse detection.
         *
         * @param id at most 64 characters; never an email or a name; null for none
         * @return this builder
         */
        public Builder safetyIdentifier(String id) {
            this.safetyIdentifier = id;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the params
         * @throws ValidationException listing every failing field
         */
        public ChatCompletionCreateParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (model == null || model.isBlank()) {
                add(errors, "model", "is required (e.g. gpt-4o-mini)");
            }
            if (messages.isEmpty()) {
                add(errors, "messages", "needs at least one message");
            }
            for (int i = 0; i < messages.size(); i++) {
                ChatMessage m = messages.get(i);
                if (m == null) {
                    add(errors, "messages[" + i + "]", "must not be null");
                } else if ("tool".equals(m.role()) && (m.toolCallId() == null || m.toolCallId().isBlank())) {
                    add(errors, "messages[" + i + "].tool_call_id", "is required on a tool message");
                }
            }
            if (tools.size() > 128) {
                add(errors, "tools", "at most 128, had " + tools.size());
            }
            for (int i = 0; i < tools.size(); i++) {
                Tool t = tools.get(i);
                if (t == null || t.function() == null || t.name() == null
                        || !t.name().matches("[a-zA-Z0-9_-]{1,64}")) {
                    add(errors, "tools[" + i + "].function.name", "must be 1 to 64 of [a-zA-Z0-9_-]");
                }
            }
            if (toolChoice != null && toolChoice != ToolChoice.NONE && tools.isEmpty()) {
                add(errors, "tool_choice", "needs tools");
            }
            if (stop.size() > 4) {
                add(errors, "stop", "at most 4 sequences, had " + stop.size());
            }
            if (stop.stream().anyMatch(s -> s == null || s.isEmpty())) {
                add(errors, "stop", "sequences must not be empty");
            }
            if (maxCompletionTokens != null && maxCompletionTokens <= 0) {
                add(errors, "max_completion_tokens", "must be positive, was " + maxCompletionTokens);
            }
            range(errors, "temperature", temperature, 0, 2);
            range(errors, "top_p", topP, 0, 1);
            range(errors, "presence_penalty", presencePenalty, -2, 2);
            range(errors, "frequency_penalty", frequencyPenalty, -2, 2);
            if (n != null && (n < 1 || n > 128)) {
                add(errors, "n", "must be 1 to 128, was " + n);
            }
            if (reasoningEffort != null && reasoningEffort.isBlank()) {
                add(errors, "reasoning_effort", "must not be blank (minimal, low, medium, high)");
            }
            if (metadata.size() > 16) {
                add(errors, "metadata", "at most 16 pairs, had " + metadata.size());
            }
            metadata.forEach((k, v) -> {
                if (k == null || k.isEmpty() || k.length() > 64) {
                    add(errors, "metadata", "keys must be 1 to 64 characters");
                }
                if (v == null || v.length() > 512) {
                    add(errors, "metadata[" + k + "]", "values must be non-null and at most 512 characters");
                }
            });
            if (safetyIdentifier != null && (safetyIdentifier.isBlank() || safetyIdentifier.length() > 64)) {
                add(errors, "safety_identifier", "must be 1 to 64 characters (a hashed user id)");
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("chat completion params", errors);
            }
            return new ChatCompletionCreateParams(this, null, null);
        }

        private static void range(Map<String, List<String>> errors, String field, Double v, double min, double max) {
            if (v != null && (v.isNaN() || v < min || v > max)) {
                add(errors, field, "must be " + (int) min + " to " + (int) max + ", was " + v);
            }
        }

        private static void add(Map<String, List<String>> errors, String field, String message) {
            errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        }
    }
}
