package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One message of a conversation sent to Chat Completions, in every role: {@code developer}, {@code system},
 * {@code user} (text or content parts), {@code assistant} (text and/or tool calls, as the model answered) and
 * {@code tool} (a tool's result). Build them with the static factories. Immutable.
 *
 * <p>{@link #toString()} shows the role and the size of the content, never its text.
 *
 * @param role the role
 * @param content a {@code String}, a list of {@link ContentPart}s, or null (an assistant message with only tool
 *     calls)
 * @param name an optional participant name, or null
 * @param toolCalls the tool calls of an assistant message, or null
 * @param toolCallId the call a {@code tool} message answers, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(@JsonProperty("role") String role, @JsonProperty("content") Object content,
                          @JsonProperty("name") String name,
                          @JsonProperty("tool_calls") List<ToolCall> toolCalls,
                          @JsonProperty("tool_call_id") String toolCallId) {

    /**
     * A developer message (instructions for reasoning models, replacing system).
     *
     * @param text the instructions
     * @return the message
     */
    public static ChatMessage developer(String text) {
        return new ChatMessage("developer", text, null, null, null);
    }

    /**
     * A system message.
     *
     * @param text the instructions
     * @return the message
     */
    public static ChatMessage system(String text) {
        return new ChatMessage("system", text, null, null, null);
    }

    /**
     * A user message of plain text.
     *
     * @param text the text
     * @return the message
     */
    public static ChatMessage user(String text) {
        return new ChatMessage("user", text, null, null, null);
    }

    /**
     * A user message of content parts (text and images).
     *
     * @param parts at least one part
     * @return the message
     */
    public static ChatMessage user(ContentPart... parts) {
        return new ChatMessage("user", List.of(parts), null, null, null);
    }

    /**
     * An assistant message of plain text (a previous answer in the history).
     *
     * @param text the text
     * @return the message
     */
    public static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", text, null, null, null);
    }

    /**
     * The assistant message the model answered, tool calls included, to put back in the history before the tool
     * results.
     *
     * @param message the answered message
     * @return the message
     */
    public static ChatMessage assistant(AssistantMessage message) {
        return new ChatMessage("assistant", message.content(), null,
                message.toolCalls().isEmpty() ? null : message.toolCalls(), null);
    }

    /**
     * A tool's result.
     *
     * @param toolCallId the id of the call it answers
     * @param content the result, usually JSON text
     * @return the message
     */
    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage("tool", content, null, null, toolCallId);
    }

    /**
     * Returns a copy with a participant name.
     *
     * @param name letters, digits, {@code _} and {@code -}
     * @return the copy
     */
    public ChatMessage withName(String name) {
        return new ChatMessage(role, content, name, toolCalls, toolCallId);
    }

    @Override
    public String toString() {
        String size = content instanceof String ? ((String) content).length() + " chars"
                : content instanceof List ? ((List<?>) content).size() + " parts" : "none";
        return "ChatMessage{role=" + role + ", content=" + size
                + (toolCalls == null ? "" : ", toolCalls=" + toolCalls.size())
                + (toolCallId == null ? "" : ", toolCallId=" + toolCallId) + '}';
    }
}
