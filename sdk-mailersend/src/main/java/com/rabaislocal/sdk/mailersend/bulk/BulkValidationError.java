package com.rabaislocal.sdk.mailersend.bulk;

import java.util.List;

/**
 * A per-email validation failure of a bulk send, as the status reports it: MailerSend's path of the failing field
 * (for example {@code 3.to.0.email}, the email's index first) and its messages.
 *
 * @param field the path MailerSend gave, or the array index when it gave none
 * @param messages what is wrong
 */
public record BulkValidationError(String field, List<String> messages) {

    /** Copies the messages. */
    public BulkValidationError {
        messages = List.copyOf(messages);
    }
}
