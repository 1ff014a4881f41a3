package com.rabaislocal.sdk.webhooks.auth;

import com.rabaislocal.sdk.webhooks.WebhookDelivery;

/**
 * Decides whether a delivery comes from the service it claims to: the receiver's pluggable authentication step. The
 * SDK ships {@link MailerSendSignatureAuthenticator}, {@link UrlTokenAuthenticator} (GoAffPro),
 * {@link StandardWebhooksAuthenticator} and {@link SharedSecretHeaderAuthenticator} (Supabase database webhooks,
 * Make.com); a service module may add its own. All are built on sdk-core's
 * {@link com.rabaislocal.sdk.core.webhook.WebhookSignatures}.
 *
 * <p>Implementations are thread-safe, compare secrets in constant time, and never log or return a secret, a
 * signature or the body. A refusal counts towards blocking the client IP.
 */
@FunctionalInterface
public interface WebhookAuthenticator {

    /**
     * Checks a delivery.
     *
     * @param delivery the request, its raw body and client IP
     * @return authenticated, or a refusal with its code
     */
    AuthenticationResult authenticate(WebhookDelivery delivery);
}
