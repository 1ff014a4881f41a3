package com.rabaislocal.sdk.webhooks.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.webhooks.WebhookCode;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link PayloadValidator} decided: a valid payload with its parsed JSON, event type, event id and (when the
 * validator binds one) typed object; or a refusal ({@code malformed_payload} 400, {@code invalid_payload} 422) with
 * the problems found, each naming a JSON location and the rule that failed, never a value. Immutable.
 */
public final class PayloadValidation {

    private final WebhookCode refusal;
    private final List<String> problems;
    private final JsonNode json;
    private final String eventType;
    private final String eventId;
    private final Object payload;

    private PayloadValidation(WebhookCode refusal, List<String> problems, JsonNode json, String eventType,
            String eventId, Object payload) {
        this.refusal = refusal;
        this.problems = List.copyOf(problems);
        this.json = json;
        this.eventType = eventType;
        this.eventId = eventId;
        this.payload = payload;
    }

    /**
     * A valid payload.
     *
     * @param json the parsed body
     * @param eventType the event type read from it, or null
     * @param eventId the event id read from it (used for idempotency), or null
     * @param payload the typed object bound from it, or null
     * @return the result
     */
    public static PayloadValidation valid(JsonNode json, String eventType, String eventId, Object payload) {
        return new PayloadValidation(null, List.of(), json, eventType, eventId, payload);
    }

    /**
     * A body that is not well-formed JSON.
     *
     * @param problem where parsing stopped (line and column), without the text
     * @return the result
     */
    public static PayloadValidation malformed(String problem) {
        return new PayloadValidation(WebhookCode.MALFORMED_PAYLOAD, List.of(problem), null, null, null, null);
    }

    /**
     * A body that does not match its schema or required fields.
     *
     * @param problems each a JSON location and the failed rule; at least one
     * @return the result
     */
    public static PayloadValidation invalid(List<String> problems) {
        return new PayloadValidation(WebhookCode.INVALID_PAYLOAD, problems, null, null, null, null);
    }

    /** @return true for a valid payload */
    public boolean isValid() {
        return refusal == null;
    }

    /** @return the refusal's code; empty when valid */
    public Optional<WebhookCode> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** @return the problems found; empty when valid */
    public List<String> problems() {
        return problems;
    }

    /** @return the parsed body; null when refused */
    public JsonNode json() {
        return json;
    }

    /** @return the event type, when the validator reads one */
    public Optional<String> eventType() {
        return Optional.ofNullable(eventType);
    }

    /** @return the event id, when the validator reads one */
    public Optional<String> eventId() {
        return Optional.ofNullable(eventId);
    }

    /** @return the typed payload, when the validator binds one */
    public Optional<Object> payload() {
        return Optional.ofNullable(payload);
    }

    @Override
    public String toString() {
        return refusal == null ? "PayloadValidation[valid, type=" + eventType + "]"
                : "PayloadValidation[" + refusal + ", " + problems + "]";
    }
}
