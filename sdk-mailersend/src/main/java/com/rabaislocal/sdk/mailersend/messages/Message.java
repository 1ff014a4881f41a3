package com.rabaislocal.sdk.mailersend.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message MailerSend created for a send (the {@code X-Message-Id}).
 *
 * @param id the message id
 * @param emailIds the ids of its emails (one per recipient), when the answer lists them
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param raw the whole object (domain, emails with their status)
 */
public record Message(String id, List<String> emailIds, Optional<Instant> createdAt, Optional<Instant> updatedAt,
                      JsonNode raw) {

    /** Copies the ids. */
    public Message {
        emailIds = List.copyOf(emailIds);
    }
}
