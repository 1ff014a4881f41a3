package com.rabaislocal.sdk.mailersend.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.mailersend.internal.Json;
import java.util.Optional;

/**
 * {@code bulk_email.completed}: a bulk request finished; {@link #bulkEmailId()} is the id to read its status with
 * (validation errors and suppressed recipients).
 */
public final class BulkEmailCompletedEvent extends MailerSendEvent {

    /**
     * @param type the event type
     * @param root the whole event
     */
    public BulkEmailCompletedEvent(String type, JsonNode root) {
        super(type, root);
    }

    /** @return the bulk request's id ({@code data.id}) */
    public Optional<String> bulkEmailId() {
        return id();
    }

    /** @return the state reported, usually {@code completed} */
    public Optional<String> state() {
        return Json.optText(data(), "state");
    }
}
