package com.rabaislocal.sdk.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.webhooks.validation.PayloadValidation;
import java.util.Optional;

/**
 * An authenticated, validated, first-seen delivery, as the application's {@link WebhookHandler} gets it. Immutable;
 * {@link #toString()} shows no payload.
 */
public final class WebhookEvent {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebhookDelivery delivery;
    private final PayloadValidation validation;
    private final String eventId;

    WebhookEvent(WebhookDelivery delivery, PayloadValidation validation, String eventId) {
        this.delivery = delivery;
        this.validation = validation;
        this.eventId = eventId;
    }

    /** @return the delivery: request, raw body, client IP, request id */
    public WebhookDelivery delivery() {
        return delivery;
    }

    /** @return the parsed JSON body */
    public JsonNode json() {
        return validation.json();
    }

    /** @return the event type, when the validator reads one */
    public Optional<String> eventType() {
        return validation.eventType();
    }

    /** @return the event id used for idempotency (from the payload, or the id the sender signed) */
    public Optional<String> eventId() {
        return Optional.ofNullable(eventId);
    }

    /**
     * The payload as a class: the validator's bound object when it is of that class, else bound now with Jackson.
     *
     * @param type the class
     * @param <T> the class
     * @return the typed payload
     * @throws ValidationException when the payload does not bind into the class
     */
    public <T> T payload(Class<T> type) {
        Optional<Object> bound = validation.payload();
        if (bound.isPresent() && type.isInstance(bound.get())) {
            return type.cast(bound.get());
        }
        try {
            return MAPPER.treeToValue(json(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new ValidationException("webhook payload", "does not bind to " + type.getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "WebhookEvent[type=" + validation.eventType().orElse("?") + ", id=" + eventId + ", request_id="
                + delivery.requestId() + "]";
    }
}
