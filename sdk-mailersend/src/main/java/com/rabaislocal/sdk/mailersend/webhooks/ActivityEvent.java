package com.rabaislocal.sdk.mailersend.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.mailersend.emails.Addresses;
import com.rabaislocal.sdk.mailersend.internal.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code activity.*} event: what happened to one email (delivered, bounced, opened...).
 */
public final class ActivityEvent extends MailerSendEvent {

    /**
     * @param type the event type
     * @param root the whole event
     */
    public ActivityEvent(String type, JsonNode root) {
        super(type, root);
    }

    private JsonNode email() {
        return data().path("email");
    }

    /** @return the email's id */
    public Optional<String> emailId() {
        return Json.optText(email(), "id");
    }

    /** @return the message id, as a send returned it in {@code X-Message-Id} */
    public Optional<String> messageId() {
        return Json.optText(email().path("message"), "id");
    }

    /** @return the recipient's address */
    public Optional<String> recipient() {
        return Json.optText(email().path("recipient"), "email");
    }

    /** @return the email's status, e.g. {@code delivered} */
    public Optional<String> status() {
        return Json.optText(email(), "status");
    }

    /** @return the email's tags */
    public List<String> tags() {
        return Json.texts(email(), "tags");
    }

    /** @return the bounce or failure reason ({@code data.morph.reason}), when given */
    public Optional<String> reason() {
        return Json.optText(data().path("morph"), "reason");
    }

    /** @return true for {@code activity.hard_bounced} */
    public boolean hardBounce() {
        return ACTIVITY_HARD_BOUNCED.equals(type().toLowerCase(Locale.ROOT));
    }

    /** @return true for {@code activity.soft_bounced} */
    public boolean softBounce() {
        return ACTIVITY_SOFT_BOUNCED.equals(type().toLowerCase(Locale.ROOT));
    }

    /** @return true for {@code activity.delivered} */
    public boolean delivered() {
        return ACTIVITY_DELIVERED.equals(type().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "ActivityEvent[" + type() + ", id=" + id().orElse("-") + ", recipient="
                + recipient().map(Addresses::redact).orElse("-") + "]";
    }
}
