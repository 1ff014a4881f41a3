package com.rabaislocal.sdk.mailersend.webhooks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code webhook.test} ping MailerSend sends when a webhook is created or tested. It has no {@code data}; it
 * must get a 2xx, or MailerSend refuses to save the webhook.
 */
public final class TestEvent extends MailerSendEvent {

    /**
     * @param type the event type
     * @param root the whole event
     */
    public TestEvent(String type, JsonNode root) {
        super(type, root);
    }
}
