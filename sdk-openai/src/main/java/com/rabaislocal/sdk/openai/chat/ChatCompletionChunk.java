package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One streamed delta ({@code object: chat.completion.chunk}). With {@code include_usage}, the last chunk before
 * {@code [DONE]} has no choices and carries {@link #usage()}. Unknown fields ({@code obfuscation}, new ones) are
 * ignored.
 *
 * @param id the completion's id, the same on every chunk
 * @param object {@code chat.completion.chunk}
 * @param created creation time, Unix seconds
 * @param model the model
 * @param systemFingerprint {@code system_fingerprint}, or null
 * @param serviceTier {@code service_tier}, or null
 * @param choices the deltas of this chunk, per choice; empty on the usage chunk
 * @param usage the usage, only on the last chunk when asked; else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionChunk(@JsonProperty("id") String id, @JsonProperty("object") String object,
                                  @JsonProperty("created") long created, @JsonProperty("model") String model,
                                  @JsonProperty("system_fingerprint") String systemFingerprint,
                                  @JsonProperty("service_tier") String serviceTier,
                                  @JsonProperty("choices") List<ChunkChoice> choices,
                                  @JsonProperty("usage") Usage usage) {

    /** A null list becomes empty.
     * @param id the completion's id, the same on every chunk
     * @param object {@code chat.completion.chunk}
     * @param created creation time, Unix seconds
     * @param model the model
     * @param systemFingerprint {@code system_fingerprint}, or null
     * @param serviceTier {@code service_tier}, or null
     * @param choices the deltas of this chunk, per choice; empty on the usage chunk
     * @param usage the usage, only on the last chunk when asked; else null */
    public ChatCompletionChunk {
        choices = choices == null ? List.of() : choices;
    }

    /** @return the text piece of the first choice, or null when this chunk has none */
    public String contentDelta() {
        return choices.isEmpty() || choices.get(0).delta() == null ? null : choices.get(0).delta().content();
    }

    /**
     * The delta of one choice.
     *
     * @param index the choice's index
     * @param delta what this chunk adds
     * @param finishReason set on the choice's last chunk, else null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChunkChoice(@JsonProperty("index") int index, @JsonProperty("delta") Delta delta,
                              @JsonProperty("finish_reason") String finishReason) {
    }

    /**
     * What a chunk adds to a choice's message.
     *
     * @param role set on the first chunk, else null
     * @param content a piece of text, or null
     * @param refusal a piece of refusal text, or null
     * @param toolCalls pieces of tool calls, by index; empty when none
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delta(@JsonProperty("role") String role, @JsonProperty("content") String content,
                        @JsonProperty("refusal") String refusal,
                        @JsonProperty("tool_calls") List<ToolCallDelta> toolCalls) {

        /**

         * A null list becomes empty.

         *

         * @param role set on the first chunk, else null

         * @param content a piece of text, or null

         * @param refusal a piece of refusal text, or null

         * @param toolCalls pieces of tool calls, by index

         */

        public Delta {
            toolCalls = toolCalls == null ? List.of() : toolCalls;
        }
    }

    /**
     * A piece of a tool call. The first piece of a call carries its id, type and name; later ones only the index and
     * a piece of the arguments.
     *
     * @param index which call of the message this piece belongs to
     * @param id the call id, on the first piece only
     * @param type {@code function}, on the first piece only
     * @param function the name (first piece) and a piece of the arguments
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ToolCallDelta(@JsonProperty("index") int index, @JsonProperty("id") String id,
                                @JsonProperty("type") String type,
                                @JsonProperty("function") ToolCall.Function function) {
    }
}
