package com.rabaislocal.sdk.mailersend.template;

/**
 * Why a send failed, each with its {@link FailureClass}.
 */
public enum FailureReason {
    /** The recipient's address is not valid (SDK check or MailerSend's 422 on an address field). */
    INVALID_ADDRESS(FailureClass.PERMANENT),
    /** Every recipient is suppressed (bounced, complained, unsubscribed, blocklisted): nothing was sent. */
    SUPPRESSED(FailureClass.PERMANENT),
    /** The email was refused as invalid (other fields; 400, 422). */
    VALIDATION(FailureClass.PERMANENT),
    /** The API token was refused (401). */
    AUTHENTICATION(FailureClass.PERMANENT),
    /** The token, plan or domain does not allow it (403). */
    PERMISSION(FailureClass.PERMANENT),
    /** The template (or another resource) does not exist (404), or no template id is registered. */
    CONFIGURATION(FailureClass.PERMANENT),
    /** MailerSend answered a success that does not fit: it may have been sent, so it is not re-sent blindly. */
    UNEXPECTED_RESPONSE(FailureClass.PERMANENT),
    /** Rate limited or daily quota used up (429). */
    RATE_LIMIT(FailureClass.TRANSIENT),
    /** MailerSend is down or in maintenance (5xx, 421). */
    OUTAGE(FailureClass.TRANSIENT),
    /** No answer in time; the email may have been sent (see {@link TransactionalEmailException#possiblySent()}). */
    TIMEOUT(FailureClass.TRANSIENT),
    /** The connection failed. */
    NETWORK(FailureClass.TRANSIENT);

    private final FailureClass failureClass;

    FailureReason(FailureClass failureClass) {
        this.failureClass = failureClass;
    }

    /** @return permanent or transient */
    public FailureClass failureClass() {
        return failureClass;
    }

    /** @return the name in logs and audit events, e.g. {@code rate_limit} */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
