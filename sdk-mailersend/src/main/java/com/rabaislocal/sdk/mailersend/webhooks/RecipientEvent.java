package com.rabaislocal.sdk.mailersend.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.mailersend.emails.Addresses;
import com.rabaislocal.sdk.mailersend.internal.Json;
import java.util.Optional;

/**
 * A {@code recipient.*} event: a recipient was put on hold or removed from the on-hold list.
 */
public final class RecipientEvent extends MailerSendEvent {

    /**
     * @param type the event type
     * @param root the whole event
     */
    public RecipientEvent(String type, JsonNode root) {
        super(type, root);
    }

    /** @return the recipient's address */
    public Optional<String> email() {
        Optional<String> direct = Json.optText(data(), "email");
        return direct.isPresent() ? direct : Json.optText(data().path("recipient"), "email");
    }

    @Override
    public String toString() {
        return "RecipientEvent[" + type() + ", " + email().map(Addresses::redact).orElse("-") + "]";
    }
}
