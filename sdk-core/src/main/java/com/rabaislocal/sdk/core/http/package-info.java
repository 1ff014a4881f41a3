/**
 * The HTTP transport every service module shares: one {@link com.rabaislocal.sdk.core.http.SdkHttpClient} (OkHttp
 * pool and dispatcher) from which each {@link com.rabaislocal.sdk.core.http.ServiceClient} derives, immutable
 * {@link com.rabaislocal.sdk.core.http.SdkRequest}s, error mapping onto the SDK's exception tree, retries, and
 * SLF4J logging with every credential header redacted.
 *
 * <p>Layering of one call: retry (whole call, under a deadline) → authenticate (each attempt, so a rotated key is
 * used at once) → log (each attempt) → OkHttp.
 */
package com.rabaislocal.sdk.core.http;
