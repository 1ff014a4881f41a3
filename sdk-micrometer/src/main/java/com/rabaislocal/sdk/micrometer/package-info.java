/**
 * Micrometer binding of the SDK's request listener: {@link com.rabaislocal.sdk.micrometer.SdkObservability} (timers,
 * retries, deadlines, in-flight calls, spans through the Observation API, request ids in the MDC) and
 * {@link com.rabaislocal.sdk.micrometer.AuditSinkMetrics} (the audit pipeline's queue, spool and deliveries).
 */
package com.rabaislocal.sdk.micrometer;
