/**
 * The seed's alerts: rules ({@link com.rabaislocal.sdk.monitoring.alerts.SeedAlerts}), the engine that evaluates
 * them without flooding ({@link com.rabaislocal.sdk.monitoring.alerts.Alerts}), and the channels (SLF4J, email,
 * Slack).
 */
package com.rabaislocal.sdk.monitoring.alerts;
