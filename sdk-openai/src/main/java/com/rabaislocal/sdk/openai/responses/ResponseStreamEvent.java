package com.rabaislocal.sdk.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One event of a Responses stream, of a type this SDK knows (others are skipped, keep-alives too). The common fields
 * are typed; the whole event stays reachable in {@link #raw()}.
 *
 * @param type e.g. {@code response.output_text.delta}, {@code response.completed}
 * @param sequenceNumber {@code sequence_number}
 * @param itemId {@code item_id}, or null
 * @param outputIndex {@code output_index}, or -1
 * @param delta the text or arguments piece of a delta event, or null
 * @param response the response of {@code response.created/in_progress/completed/failed/incomplete}, or null
 * @param raw the event's JSON
 */
public record ResponseStreamEvent(String type, long sequenceNumber, String itemId, int outputIndex, String delta,
                                  Response response, JsonNode raw) {

    /** The types handed out; every other type is skipped. */
    public static final java.util.Set<String> KNOWN_TYPES = java.util.Set.of("response.created",
            "response.in_progress", "response.output_item.added", "response.output_item.done",
            "response.content_part.added", "response.content_part.done", "response.output_text.delta",
            "response.output_text.done", "response.refusal.delta", "response.refusal.done",
            "response.function_call_arguments.delta", "response.function_call_arguments.done",
            "response.completed", "response.incomplete");

    /** @return whether this is a text delta */
    public boolean isTextDelta() {
        return "response.output_text.delta".equals(type);
    }

    /** @return whether this event ends the stream ({@code response.completed} or {@code response.incomplete}) */
    public boolean isTerminal() {
        return "response.completed".equals(type) || "response.incomplete".equals(type);
    }

    /** @return the response this event carries, when it carries one */
    public Optional<Response> responseValue() {
        return Optional.ofNullable(response);
    }
}
