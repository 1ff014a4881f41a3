package com.rabaislocal.sdk.openai.responses;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One input item of the Responses API: a message ({@code role} and text) or a function call's output.
 *
 * @param type {@code message} or {@code function_call_output}
 * @param role the message's role ({@code user}, {@code assistant}, {@code system}, {@code developer}), or null
 * @param content the message's text, or null
 * @param callId the call a function output answers, or null
 * @param output the function's output, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseInputItem(@JsonProperty("type") String type, @JsonProperty("role") String role,
                                @JsonProperty("content") String content, @JsonProperty("call_id") String callId,
                                @JsonProperty("output") String output) {

    /**
     * A message.
     *
     * @param role the role
     * @param text the text
     * @return the item
     */
    public static ResponseInputItem message(String role, String text) {
        return new ResponseInputItem("message", role, text, null, null);
    }

    /**
     * A function call's output.
     *
     * @param callId the {@code call_id} of the function call
     * @param output the result, usually JSON text
     * @return the item
     */
    public static ResponseInputItem functionCallOutput(String callId, String output) {
        return new ResponseInputItem("function_call_output", null, null, callId, output);
    }

    @Override
    public String toString() {
        return "ResponseInputItem{type=" + type + ", role=" + role + ", callId=" + callId + '}';
    }
}
