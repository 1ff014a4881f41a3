/**
 * Webhook signature primitives shared by every module that checks a delivery:
 * {@link com.rabaislocal.sdk.core.webhook.WebhookSignatures} (HMAC-SHA256 in hex or Base64, constant-time checks).
 */
package com.rabaislocal.sdk.core.webhook;
