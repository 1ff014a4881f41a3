package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The message of a choice ({@code choices[].message}).
 *
 * @param role {@code assistant}
 * @param content the text, or null (a refusal, or only tool calls)
 * @param refusal the model's refusal text, or null; check it before parsing structured content
 * @param toolCalls the tool calls asked for, empty when none
 * @param annotations e.g. URL citations, kept as JSON; empty when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssistantMessage(@JsonProperty("role") String role, @JsonProperty("content") String content,
                               @JsonProperty("refusal") String refusal,
                               @JsonProperty("tool_calls") List<ToolCall> toolCalls,
                               @JsonProperty("annotations") List<JsonNode> annotations) {

    /** Null lists become empty ones.
     * @param role {@code assistant}
     * @param content the text, or null (a refusal, or only tool calls)
     * @param refusal the model's refusal text, or null; check it before parsing structured content
     * @param toolCalls the tool calls asked for, empty when none
     * @param annotations e.g. URL citations, kept as JSON; empty when none */
    public AssistantMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        annotations = annotations == null ? List.of() : annotations;
    }

    /** @return the text, when there is one */
    public Optional<String> text() {
        return Optional.ofNullable(content);
    }

    /** @return the refusal, when the model refused */
    public Optional<String> refusalText() {
        return Optional.ofNullable(refusal);
    }

    /** @return whether the model asked for tool calls */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
