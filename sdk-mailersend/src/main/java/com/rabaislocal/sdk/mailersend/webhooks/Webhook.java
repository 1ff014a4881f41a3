package com.rabaislocal.sdk.mailersend.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A webhook subscription. Its URL and signing secret are secrets: {@link #toString()} shows neither.
 *
 * @param id the webhook id
 * @param url where MailerSend posts events
 * @param name its name
 * @param events the event types it receives
 * @param enabled whether deliveries are on (MailerSend turns it off after 20 failed deliveries in 24 h)
 * @param domainId the domain it belongs to, when the answer names it
 * @param signingSecret the signing secret, when the answer carries it (create, get)
 * @param createdAt when it was made
 * @param raw the whole object minus {@code secret}
 */
public record Webhook(String id, String url, String name, List<String> events, boolean enabled,
                      Optional<String> domainId, Optional<Secret> signingSecret, Optional<Instant> createdAt,
                      JsonNode raw) {

    /** Copies the events. */
    public Webhook {
        events = List.copyOf(events);
    }

    @Override
    public String toString() {
        return "Webhook[" + id + ", name=" + name + ", events=" + events + ", enabled=" + enabled
                + ", url=[redacted], secret=" + (signingSecret.isPresent() ? "[redacted]" : "absent") + "]";
    }
}
