package com.rabaislocal.sdk.mailersend.webhooks;

import com.rabaislocal.sdk.core.error.RabaisSdkException;

/**
 * A webhook delivery was refused: its signature is missing, malformed or wrong. Answer it 401 and do not process
 * it. The message never holds the signature, the secret or the body.
 */
public class WebhookVerificationException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    private final MailerSendSignature.Check check;

    /**
     * @param check why it was refused
     */
    public WebhookVerificationException(MailerSendSignature.Check check) {
        super("mailersend webhook refused: signature " + check.name().toLowerCase(java.util.Locale.ROOT));
        this.check = check;
    }

    /** @return why it was refused */
    public MailerSendSignature.Check check() {
        return check;
    }
}
