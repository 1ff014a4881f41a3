package com.rabaislocal.sdk.mailersend.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.mailersend.emails.SuppressedRecipient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state of one bulk request ({@code GET /bulk-email/{id}}). {@link #validationErrors()} and
 * {@link #suppressedRecipients()} are where per-email failures show up: a bulk send never fails with an HTTP error
 * for them.
 *
 * @param id the {@code bulk_email_id}
 * @param state {@code queued} ... {@code completed} (an open value)
 * @param totalRecipientsCount recipients in the request
 * @param suppressedRecipientsCount recipients not sent to because suppressed
 * @param suppressedRecipients those recipients, with reasons (empty while MailerSend reports {@code null})
 * @param validationErrorsCount emails refused as invalid
 * @param validationErrors their errors, every one kept
 * @param messageIds the ids of the messages created (empty while {@code null})
 * @param createdAt when the request was made
 * @param updatedAt when the state last changed
 * @param raw the whole {@code data} object, for fields this class does not model
 */
public record BulkEmailStatus(String id, String state, long totalRecipientsCount, long suppressedRecipientsCount,
                              List<SuppressedRecipient> suppressedRecipients, long validationErrorsCount,
                              List<BulkValidationError> validationErrors, List<String> messageIds,
                              Optional<Instant> createdAt, Optional<Instant> updatedAt, JsonNode raw) {

    /** The final state. */
    public static final String COMPLETED = "completed";

    /** Copies the lists. */
    public BulkEmailStatus {
        suppressedRecipients = List.copyOf(suppressedRecipients);
        validationErrors = List.copyOf(validationErrors);
        messageIds = List.copyOf(messageIds);
    }

    /** @return true once MailerSend has processed every email */
    public boolean completed() {
        return COMPLETED.equalsIgnoreCase(state);
    }

    /** @return true when some email was refused or some recipient suppressed */
    public boolean hasProblems() {
        return validationErrorsCount > 0 || !validationErrors.isEmpty() || suppressedRecipientsCount > 0
                || !suppressedRecipients.isEmpty();
    }
}
