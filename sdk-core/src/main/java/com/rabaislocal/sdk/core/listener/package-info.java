/**
 * The request listener SPI: {@link com.rabaislocal.sdk.core.listener.RequestListener} hears every call of every
 * service client (start, retry, success, failure) with a secret-free
 * {@link com.rabaislocal.sdk.core.listener.RequestEvent}. Metrics, tracing and MDC logging plug in here.
 */
package com.rabaislocal.sdk.core.listener;
