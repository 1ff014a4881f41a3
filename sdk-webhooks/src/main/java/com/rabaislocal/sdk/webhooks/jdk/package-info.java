/**
 * The JDK {@code com.sun.net.httpserver} adapter: {@link com.rabaislocal.sdk.webhooks.jdk.WebhookHttpHandler}.
 */
package com.rabaislocal.sdk.webhooks.jdk;
