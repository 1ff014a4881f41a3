package com.rabaislocal.sdk.mailersend.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.mailersend.internal.Json;
import java.time.Instant;
import java.util.Optional;

/**
 * A webhook event. The type is an open string: an event type this SDK does not know is a plain
 * {@code MailerSendEvent}, never a failure. Known groups have their own classes: {@link ActivityEvent}
 * ({@code activity.*}), {@link BulkEmailCompletedEvent}, {@link RecipientEvent} ({@code recipient.*}) and
 * {@link TestEvent} (the {@code webhook.test} ping, which has no {@code data}). Immutable.
 */
public class MailerSendEvent {

    /** An email was sent. */
    public static final String ACTIVITY_SENT = "activity.sent";
    /** An email was delivered. */
    public static final String ACTIVITY_DELIVERED = "activity.delivered";
    /** An email soft-bounced (temporary failure). */
    public static final String ACTIVITY_SOFT_BOUNCED = "activity.soft_bounced";
    /** An email hard-bounced (the address does not exist). */
    public static final String ACTIVITY_HARD_BOUNCED = "activity.hard_bounced";
    /** Delivery was deferred. */
    public static final String ACTIVITY_DEFERRED = "activity.deferred";
    /** An email was opened. */
    public static final String ACTIVITY_OPENED = "activity.opened";
    /** A link was clicked. */
    public static final String ACTIVITY_CLICKED = "activity.clicked";
    /** A recipient unsubscribed. */
    public static final String ACTIVITY_UNSUBSCRIBED = "activity.unsubscribed";
    /** A recipient reported spam. */
    public static final String ACTIVITY_SPAM_COMPLAINT = "activity.spam_complaint";
    /** A bulk request finished. */
    public static final String BULK_EMAIL_COMPLETED = "bulk_email.completed";
    /** A recipient was put on hold. */
    public static final String RECIPIENT_ON_HOLD_ADDED = "recipient.on_hold_added";
    /** A recipient left the on-hold list. */
    public static final String RECIPIENT_ON_HOLD_REMOVED = "recipient.on_hold_removed";
    /** The ping MailerSend sends when a webhook is created or tested. */
    public static final String WEBHOOK_TEST = "webhook.test";

    private final String type;
    private final JsonNode root;

    /**
     * @param type the event type, e.g. {@code activity.delivered}; {@code "unknown"} when absent
     * @param root the whole event
     */
    public MailerSendEvent(String type, JsonNode root) {
        this.type = type;
        this.root = root;
    }

    /** @return the event type, an open value */
    public final String type() {
        return type;
    }

    /** @return {@code data.id}, the key to deduplicate on; empty for the test ping */
    public final Optional<String> id() {
        return Json.optText(root.path("data"), "id");
    }

    /** @return the webhook that sent it */
    public final Optional<String> webhookId() {
        return Json.optText(root, "webhook_id");
    }

    /** @return the domain it concerns */
    public final Optional<String> domainId() {
        return Json.optText(root, "domain_id");
    }

    /** @return when it happened */
    public final Optional<Instant> createdAt() {
        return Json.instant(root, "created_at");
    }

    /** @return the {@code data} object, a missing node for the test ping */
    public final JsonNode data() {
        return root.path("data");
    }

    /** @return the whole event as received */
    public final JsonNode raw() {
        return root;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + type + ", id=" + id().orElse("-") + "]";
    }
}
