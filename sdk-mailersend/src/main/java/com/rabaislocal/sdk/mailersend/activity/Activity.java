package com.rabaislocal.sdk.mailersend.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.mailersend.emails.Addresses;
import java.time.Instant;
import java.util.Optional;

/**
 * One activity record: what happened to one email (sent, delivered, soft_bounced, hard_bounced, opened...).
 *
 * @param id the activity id
 * @param type the activity type (an open value)
 * @param createdAt when it happened
 * @param emailId the email's id, if given
 * @param recipient the recipient's address, if given
 * @param subject the email's subject, if given
 * @param raw the whole object
 */
public record Activity(String id, String type, Optional<Instant> createdAt, Optional<String> emailId,
                       Optional<String> recipient, Optional<String> subject, JsonNode raw) {

    /** Masks the address and leaves the subject out. */
    @Override
    public String toString() {
        return "Activity[" + id + ", " + type + ", " + recipient.map(Addresses::redact).orElse("-") + "]";
    }
}
