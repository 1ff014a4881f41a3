package com.rabaislocal.sdk.openai.responses;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.openai.ResponseMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * A response of the Responses API ({@code object: response}).
 *
 * @param id e.g. {@code resp_...}
 * @param object {@code response}
 * @param status {@code completed}, {@code in_progress}, {@code failed}, {@code incomplete}, {@code cancelled}...
 * @param createdAt {@code created_at}, Unix seconds
 * @param model the model
 * @param error the error of a failed response, as JSON; or null
 * @param incompleteDetails why it is incomplete, as JSON; or null
 * @param output the output items (messages, function calls, reasoning...)
 * @param usage the tokens used, or null
 * @param previousResponseId {@code previous_response_id}, or null
 * @param meta the answer's request id and rate limits
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Response(@JsonProperty("id") String id, @JsonProperty("object") String object,
                       @JsonProperty("status") String status, @JsonProperty("created_at") long createdAt,
                       @JsonProperty("model") String model, @JsonProperty("error") JsonNode error,
                       @JsonProperty("incomplete_details") JsonNode incompleteDetails,
                       @JsonProperty("output") List<OutputItem> output, @JsonProperty("usage") ResponseUsage usage,
                       @JsonProperty("previous_response_id") String previousResponseId,
                       @JsonIgnore ResponseMeta meta) {

    /** Null values become empty.
     * @param id e.g. {@code resp_...}
     * @param object {@code response}
     * @param status {@code completed}, {@code in_progress}, {@code failed}, {@code incomplete}, {@code cancelled}...
     * @param createdAt {@code created_at}, Unix seconds
     * @param model the model
     * @param error the error of a failed response, as JSON; or null
     * @param incompleteDetails why it is incomplete, as JSON; or null
     * @param output the output items (messages, function calls, reasoning...)
     * @param usage the tokens used, or null
     * @param previousResponseId {@code previous_response_id}, or null
     * @param meta the answer's request id and rate limits */
    public Response {
        output = output == null ? List.of() : output;
        meta = meta == null ? ResponseMeta.NONE : meta;
    }

    Response withMeta(ResponseMeta m) {
        return new Response(id, object, status, createdAt, model, error, incompleteDetails, output, usage,
                previousResponseId, m);
    }

    /** @return the text of every {@code output_text} part of every message item, joined */
    public String outputText() {
        StringBuilder sb = new StringBuilder();
        for (OutputItem item : output) {
            if ("message".equals(item.type())) {
                for (ContentPart p : item.content()) {
                    if ("output_text".equals(p.type()) && p.text() != null) {
                        sb.append(p.text());
                    }
                }
            }
        }
        return sb.toString();
    }

    /** @return the function calls the model asked for */
    public List<OutputItem> functionCalls() {
        List<OutputItem> out = new ArrayList<>();
        for (OutputItem item : output) {
            if ("function_call".equals(item.type())) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * An output item. Fields that do not apply to its type are null.
     *
     * @param type {@code message}, {@code function_call}, {@code reasoning} or another
     * @param id the item id
     * @param status the item status, or null
     * @param role a message's role
     * @param content a message's parts
     * @param callId a function call's {@code call_id}
     * @param name a function call's name
     * @param arguments a function call's raw arguments
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OutputItem(@JsonProperty("type") String type, @JsonProperty("id") String id,
                             @JsonProperty("status") String status, @JsonProperty("role") String role,
                             @JsonProperty("content") List<ContentPart> content,
                             @JsonProperty("call_id") String callId, @JsonProperty("name") String name,
                             @JsonProperty("arguments") String arguments) {

        /**

         * A null list becomes empty.

         *

         * @param type the item's type

         * @param id the item id

         * @param status the item status, or null

         * @param role a message's role

         * @param content a message's parts

         * @param callId a function call's call_id

         * @param name a function call's name

         * @param arguments a function call's raw arguments

         */

        public OutputItem {
            content = content == null ? List.of() : content;
        }
    }

    /**
     * A part of a message item.
     *
     * @param type {@code output_text}, {@code refusal} or another
     * @param text the text of an output_text part
     * @param refusal the text of a refusal part
     * @param annotations citations, as JSON
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContentPart(@JsonProperty("type") String type, @JsonProperty("text") String text,
                              @JsonProperty("refusal") String refusal,
                              @JsonProperty("annotations") List<JsonNode> annotations) {
    }

    /**
     * The tokens a response used.
     *
     * @param inputTokens {@code input_tokens}
     * @param outputTokens {@code output_tokens}
     * @param totalTokens {@code total_tokens}
     * @param inputTokensDetails {@code input_tokens_details} ({@code cached_tokens}), as JSON
     * @param outputTokensDetails {@code output_tokens_details} ({@code reasoning_tokens}), as JSON
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponseUsage(@JsonProperty("input_tokens") long inputTokens,
                                @JsonProperty("output_tokens") long outputTokens,
                                @JsonProperty("total_tokens") long totalTokens,
                                @JsonProperty("input_tokens_details") JsonNode inputTokensDetails,
                                @JsonProperty("output_tokens_details") JsonNode outputTokensDetails) {
    }
}
