package com.rabaislocal.sdk.mailersend.template;

/** What a caller's queue does with a failed send. */
public enum FailureClass {
    /** Do not retry: the same send fails again (bad address, suppressed, invalid, misconfigured). */
    PERMANENT,
    /** Retry later: the failure passes (rate limit, outage, network). */
    TRANSIENT
}
