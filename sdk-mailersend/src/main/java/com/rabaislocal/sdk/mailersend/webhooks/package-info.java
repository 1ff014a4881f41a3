/**
 * MailerSend webhooks: the subscriptions API, the signature check ({@link
 * com.rabaislocal.sdk.mailersend.webhooks.MailerSendSignature}) and the typed events.
 */
package com.rabaislocal.sdk.mailersend.webhooks;
