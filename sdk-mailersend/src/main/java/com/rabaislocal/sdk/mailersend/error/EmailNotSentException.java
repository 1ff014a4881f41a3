package com.rabaislocal.sdk.mailersend.error;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.mailersend.emails.SuppressedRecipient;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MailerSend accepted the request (HTTP 202) but sent nothing: every recipient is suppressed
 * ({@code ALL_SUPPRESSED}). Permanent: sending again reaches no one until the suppressions are lifted. The message
 * names the reasons, never the addresses.
 */
public class EmailNotSentException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    private final transient List<SuppressedRecipient> recipients;

    /**
     * Creates the exception.
     *
     * @param recipients the suppressed recipients, with their reasons
     */
    public EmailNotSentException(List<SuppressedRecipient> recipients) {
        super("mailersend sent nothing: every recipient is suppressed (" + recipients.size() + " recipient(s), "
                + "reasons " + recipients.stream().flatMap(r -> r.reasons().stream()).distinct()
                .collect(Collectors.joining(", ", "[", "]")) + ")");
        this.recipients = List.copyOf(recipients);
    }

    /** @return the suppressed recipients */
    public List<SuppressedRecipient> recipients() {
        return recipients;
    }
}
