/**
 * Test support, shipped in the main jar so that every test (the SDK's own and applications') uses the same fakes:
 * {@link com.rabaislocal.sdk.core.testing.FakeClock}, a clock that moves only when told;
 * {@link com.rabaislocal.sdk.core.testing.RecordingSleeper}, a retry sleeper that records each wait and advances
 * the fake clock instead of sleeping; and {@link com.rabaislocal.sdk.core.testing.RecordingAuditSink}, an audit sink
 * that keeps every batch and can be told to fail.
 *
 * <p>Nothing in the SDK uses them at run time; they hold no resource and start no thread. Applications normally get
 * them through {@code sdk-testing}, next to the service stand-ins (see docs/TESTING.md).
 */
package com.rabaislocal.sdk.core.testing;
