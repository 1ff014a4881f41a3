/**
 * The one retry policy every module shares, built on resilience4j-retry: which failures are retried, how long to
 * wait (server hints first, then capped exponential backoff with jitter), and the per-call deadline no retry outlives.
 * Clock and sleep are injectable so tests never sleep.
 */
package com.rabaislocal.sdk.core.retry;
