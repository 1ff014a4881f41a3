/**
 * Test support for applications that use the SDK: {@link com.rabaislocal.sdk.testing.MockWebServerTest}, a JUnit 5
 * base class for wire tests against OkHttp's MockWebServer, and in-process stand-ins of the services the SDK talks
 * to ({@code supabase}, {@code goaffpro}, {@code make}). The fake clock, the recording sleeper and the recording
 * audit sink come with it, from sdk-core's {@code com.rabaislocal.sdk.core.testing}. See docs/TESTING.md.
 */
package com.rabaislocal.sdk.testing;
