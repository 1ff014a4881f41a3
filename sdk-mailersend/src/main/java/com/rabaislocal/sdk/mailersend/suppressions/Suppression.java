package com.rabaislocal.sdk.mailersend.suppressions;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.mailersend.emails.Addresses;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a suppression list.
 *
 * @param id the entry's id, used to delete it
 * @param kind which list it is on
 * @param email the suppressed address (the blocklist's exact pattern, or the recipient's address), if any
 * @param pattern the blocklist pattern (e.g. {@code *@example.com}), if any
 * @param reason why (hard bounces and on-hold), if given
 * @param createdAt when it was added
 * @param raw the whole object
 */
public record Suppression(String id, SuppressionKind kind, Optional<String> email, Optional<String> pattern,
                          Optional<String> reason, Optional<Instant> createdAt, JsonNode raw) {

    /** Masks the address. */
    @Override
    public String toString() {
        return "Suppression[" + id + ", " + kind + ", " + email.map(Addresses::redact).orElse("-")
                + reason.map(r -> ", " + r).orElse("") + "]";
    }
}
