package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One choice of a completion.
 *
 * @param index its position ({@code n} choices when asked)
 * @param message the assistant's message
 * @param finishReason {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter} or another value a
 *     newer API sends (kept as text)
 * @param logprobs the log probabilities when asked, as JSON; or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Choice(@JsonProperty("index") int index, @JsonProperty("message") AssistantMessage message,
                     @JsonProperty("finish_reason") String finishReason,
                     @JsonProperty("logprobs") JsonNode logprobs) {

    /** {@code finish_reason} of a natural end. */
    public static final String STOP = "stop";
    /** {@code finish_reason} when the token limit cut the answer. */
    public static final String LENGTH = "length";
    /** {@code finish_reason} when the model asked for tool calls. */
    public static final String TOOL_CALLS = "tool_calls";
    /** {@code finish_reason} when OpenAI's content filter stopped the answer. */
    public static final String CONTENT_FILTER = "content_filter";
}
