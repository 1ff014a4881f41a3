/**
 * Server-sent events: {@link com.rabaislocal.sdk.core.sse.SseStream}, a closeable typed stream on okhttp-sse's
 * parser with a silence limit, typed mid-stream errors and no retry once an event was handed out. Modules get one
 * from {@code ServiceClient.events(...)} with their {@link com.rabaislocal.sdk.core.sse.SseDecoder}.
 */
package com.rabaislocal.sdk.core.sse;
