package com.rabaislocal.sdk.webhooks.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabaislocal.sdk.webhooks.WebhookDelivery;
import com.rabaislocal.sdk.webhooks.internal.Problems;
import java.io.IOException;
import java.util.List;

/**
 * The common part of the JSON validators: parses the body (strictly: one JSON value, no trailing data, no duplicate
 * keys), reads the event type and event id at their JSON Pointers, runs the subclass's checks, and binds a typed
 * object when asked. Subclasses implement {@link #problems(JsonNode, String)}.
 */
public abstract class JsonPayloadValidator implements PayloadValidator {

    /** The parser shared by the validators: strict on trailing tokens and duplicate keys. */
    protected static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final JsonPointer eventTypeAt;
    private final JsonPointer eventIdAt;

    /**
     * @param eventTypeAt where the event type is, e.g. {@code /type}; null when the payload has none
     * @param eventIdAt where the event id is, e.g. {@code /data/id}; null when the payload has none
     */
    protected JsonPayloadValidator(JsonPointer eventTypeAt, JsonPointer eventIdAt) {
        this.eventTypeAt = eventTypeAt;
        this.eventIdAt = eventIdAt;
    }

    @Override
    public final PayloadValidation validate(WebhookDelivery delivery) {
        JsonNode json;
        try {
            json = MAPPER.readTree(delivery.bodyView());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return PayloadValidation.malformed(at == null ? "not JSON"
                    : "not JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (IOException e) {
            return PayloadValidation.malformed("not JSON");
        }
        if (json == null || json.isMissingNode()) {
            return PayloadValidation.malformed("empty body");
        }
        String type = text(json, eventTypeAt);
        List<String> problems = problems(json, type);
        if (!problems.isEmpty()) {
            return PayloadValidation.invalid(problems);
        }
        try {
            return PayloadValidation.valid(json, type, text(json, eventIdAt), bind(json, type));
        } catch (BindingException e) {
            return PayloadValidation.invalid(List.of(e.getMessage()));
        }
    }

    /**
     * The subclass's checks.
     *
     * @param json the parsed body
     * @param eventType the event type read at its pointer, or null
     * @return the problems, each a location and the failed rule; empty when the payload is valid
     */
    protected abstract List<String> problems(JsonNode json, String eventType);

    /**
     * Binds the typed payload; the default binds nothing.
     *
     * @param json the parsed, checked body
     * @param eventType the event type, or null
     * @return the typed object, or null
     * @throws BindingException when the body does not bind; its message names the location, not the value
     */
    protected Object bind(JsonNode json, String eventType) throws BindingException {
        return null;
    }

    /** The text at a pointer: a string as is, a number in its JSON form; null when absent or another kind. */
    private static String text(JsonNode json, JsonPointer at) {
        if (at == null) {
            return null;
        }
        JsonNode n = json.at(at);
        return n.isTextual() || n.isNumber() ? n.asText() : null;
    }

    /**
     * Parses a JSON Pointer given to a builder.
     *
     * @param pointer the pointer text, or null
     * @param field the builder field, for the problem
     * @param problems where a malformed pointer is reported
     * @return the pointer, or null
     */
    protected static JsonPointer pointer(String pointer, String field, Problems problems) {
        if (pointer == null) {
            return null;
        }
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            problems.require(false, field, "'" + pointer + "' is not a JSON Pointer (RFC 6901, e.g. /data/id)");
            return null;
        }
    }

    /**
     * The settings every JSON validator has: where the event type and the event id are.
     *
     * @param <B> the concrete builder
     */
    protected abstract static class Builder<B extends Builder<B>> {

        /** The event type's pointer text, or null. */
        protected String eventTypeAt;
        /** The event id's pointer text, or null. */
        protected String eventIdAt;

        /** Creates the builder. */
        protected Builder() {
        }

        /**
         * @param pointer the JSON Pointer of the event type, e.g. {@code /type}; default none
         * @return this builder
         */
        public B eventTypeAt(String pointer) {
            this.eventTypeAt = pointer;
            return self();
        }

        /**
         * @param pointer the JSON Pointer of the event id used for idempotency, e.g. {@code /data/id}; default none
         * @return this builder
         */
        public B eventIdAt(String pointer) {
            this.eventIdAt = pointer;
            return self();
        }

        /** @return this builder as its concrete type */
        protected abstract B self();
    }

    /** A body that does not bind into its class; the message names where, never the value. */
    protected static final class BindingException extends Exception {

        private static final long serialVersionUID = 1L;

        /**
         * @param message the location and the reason
         */
        public BindingException(String message) {
            super(message);
        }
    }
}
