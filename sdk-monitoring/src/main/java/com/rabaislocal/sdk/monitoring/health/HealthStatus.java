package com.rabaislocal.sdk.monitoring.health;

/** The state of a checked service. */
public enum HealthStatus {
    /** The service answered, in time. */
    UP,
    /** The service answered, but slowly or with a warning (e.g. quota nearly spent). */
    DEGRADED,
    /** The service did not answer, answered an error, or the check ran out of time. */
    DOWN
}
