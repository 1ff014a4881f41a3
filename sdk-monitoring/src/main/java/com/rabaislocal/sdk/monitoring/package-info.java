/**
 * Monitoring: health checks of every configured service ({@code health}) and the seed's alert rules with their
 * channels ({@code alerts}). Metrics and traces are in {@code sdk-micrometer}.
 */
package com.rabaislocal.sdk.monitoring;
