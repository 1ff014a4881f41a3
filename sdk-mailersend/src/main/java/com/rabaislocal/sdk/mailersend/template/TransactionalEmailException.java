package com.rabaislocal.sdk.mailersend.template;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import java.time.Duration;
import java.util.Optional;

/**
 * A transactional email was not sent. {@link #failureClass()} tells a queue what to do: drop it (permanent) or try
 * again later (transient, after {@link #retryAfter()} when MailerSend named a wait). {@link #possiblySent()} is
 * true when the answer was lost after the request left: re-sending may deliver it twice. The cause is the SDK's
 * exception. The message names the template and the reason, never the address or the body.
 */
public class TransactionalEmailException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    private final EmailKind kind;
    private final FailureReason reason;
    private final boolean possiblySent;
    private final transient Duration retryAfter;

    /**
     * @param kind the email
     * @param reason why it failed
     * @param possiblySent whether it may have been sent all the same
     * @param retryAfter the wait MailerSend asked for, or null
     * @param cause the SDK's exception
     */
    public TransactionalEmailException(EmailKind kind, FailureReason reason, boolean possiblySent,
                                       Duration retryAfter, Throwable cause) {
        super("email " + kind.key() + " not sent: " + reason.code() + " (" + reason.failureClass().name()
                .toLowerCase(java.util.Locale.ROOT) + (possiblySent ? ", possibly sent" : "") + "): "
                + (cause == null ? "" : cause.getMessage()), cause);
        this.kind = kind;
        this.reason = reason;
        this.possiblySent = possiblySent;
        this.retryAfter = retryAfter;
    }

    /** @return the email */
    public EmailKind kind() {
        return kind;
    }

    /** @return why it failed */
    public FailureReason reason() {
        return reason;
    }

    /** @return permanent or transient */
    public FailureClass failureClass() {
        return reason.failureClass();
    }

    /** @return true when the email may have been sent although the call failed */
    public boolean possiblySent() {
        return possiblySent;
    }

    /** @return the wait MailerSend asked for before a retry */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
