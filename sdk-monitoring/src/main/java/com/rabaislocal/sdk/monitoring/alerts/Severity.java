package com.rabaislocal.sdk.monitoring.alerts;

/** How urgent an alert is; the seed sends critical alerts to Slack and email, warnings to email only. */
public enum Severity {
    /** Act now: database down, workflow failing, certificate expiring, error rate high. */
    CRITICAL,
    /** Look soon: slow database, busy CPU, full disk, bounces. */
    WARNING
}
