package com.rabaislocal.sdk.webhooks.auth;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.mailersend.webhooks.MailerSendSignature;
import com.rabaislocal.sdk.webhooks.WebhookDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * MailerSend's webhook signature: the {@code Signature} header (falling back to {@code X-MailerSend-Signature}) holds
 * the lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook's signing secret (not the API token). Several
 * secrets may be given while one is being rotated; any of them may match. The check itself is sdk-mailersend's
 * {@link MailerSendSignature}, the one place it is written.
 *
 * <p>MailerSend signs no timestamp, so a replay cannot be told from the signature; the receiver's idempotency on
 * {@code data.id} answers a repeated event 200 without handing it on. Immutable and thread-safe.
 */
public final class MailerSendSignatureAuthenticator implements WebhookAuthenticator {

    /** The header MailerSend documents. */
    public static final String HEADER = MailerSendSignature.HEADER;
    /** The header some MailerSend examples read; used when {@link #HEADER} is absent. */
    public static final String FALLBACK_HEADER = MailerSendSignature.FALLBACK_HEADER;

    private final List<Secret> secrets;

    private MailerSendSignatureAuthenticator(List<Secret> secrets) {
        this.secrets = secrets;
    }

    /**
     * An authenticator for one or more signing secrets.
     *
     * @param signingSecret the webhook's signing secret
     * @param previous secrets still accepted during a rotation
     * @return the authenticator
     */
    public static MailerSendSignatureAuthenticator of(Secret signingSecret, Secret... previous) {
        List<Secret> all = new ArrayList<>();
        all.add(Objects.requireNonNull(signingSecret, "signingSecret"));
        for (Secret s : previous) {
            all.add(Objects.requireNonNull(s, "previous secret"));
        }
        return new MailerSendSignatureAuthenticator(List.copyOf(all));
    }

    @Override
    public AuthenticationResult authenticate(WebhookDelivery delivery) {
        MailerSendSignature.Check check = MailerSendSignature.check(secrets, delivery.bodyView(),
                delivery.request()::headerValues);
        switch (check) {
            case VALID:
                return AuthenticationResult.authenticated();
            case MISSING:
                return AuthenticationResult.missing();
            default:
                return AuthenticationResult.invalid();
        }
    }

    @Override
    public String toString() {
        return "MailerSendSignatureAuthenticator[" + secrets.size() + " secret(s)]";
    }
}
