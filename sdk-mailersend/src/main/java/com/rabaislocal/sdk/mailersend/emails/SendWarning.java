package com.rabaislocal.sdk.mailersend.emails;

import java.util.List;

/**
 * A warning of a 202 answer: {@code SOME_SUPPRESSED} (the others were sent) or {@code ALL_SUPPRESSED} (nothing was
 * sent). The type is an open string, so a warning MailerSend adds later is kept too.
 *
 * @param type e.g. {@link #SOME_SUPPRESSED}
 * @param message MailerSend's text
 * @param recipients the recipients concerned, with their reasons
 */
public record SendWarning(String type, String message, List<SuppressedRecipient> recipients) {

    /** Some recipients were suppressed; the email went to the others. */
    public static final String SOME_SUPPRESSED = "SOME_SUPPRESSED";
    /** Every recipient was suppressed: nothing was sent. */
    public static final String ALL_SUPPRESSED = "ALL_SUPPRESSED";

    /** Copies the recipients. */
    public SendWarning {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
