/**
 * The receiver's authentication step: the {@link com.rabaislocal.sdk.webhooks.auth.WebhookAuthenticator} SPI and the
 * SDK's authenticators (MailerSend signature, URL token for GoAffPro, Standard Webhooks, shared-secret header).
 */
package com.rabaislocal.sdk.webhooks.auth;
