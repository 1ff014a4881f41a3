package com.rabaislocal.sdk.webhooks.validation;

import com.rabaislocal.sdk.webhooks.WebhookDelivery;

/**
 * Checks an authenticated delivery's payload before it reaches the application: the receiver's validation step. The
 * SDK ships {@link JsonSchemaPayloadValidator} (a JSON Schema per event type) and
 * {@link RequiredFieldsPayloadValidator} (required fields, optionally bound into a class); a service module plugs in
 * its typed events by implementing this interface or by handing its event class to
 * {@link RequiredFieldsPayloadValidator.Builder#bindTo(Class)}.
 *
 * <p>Implementations are thread-safe and never put body values in their problems.
 */
@FunctionalInterface
public interface PayloadValidator {

    /**
     * Checks a delivery's payload.
     *
     * @param delivery the authenticated delivery
     * @return valid (with event type, id and typed payload) or refused with its problems
     */
    PayloadValidation validate(WebhookDelivery delivery);
}
