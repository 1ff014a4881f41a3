/**
 * Health checks: {@link com.rabaislocal.sdk.monitoring.health.HealthCheck} (bounded, never throwing) and the
 * service checks in {@link com.rabaislocal.sdk.monitoring.health.ServiceHealthChecks}.
 */
package com.rabaislocal.sdk.monitoring.health;
