/**
 * In-process stand-ins of the services the SDK talks to, for applications' own tests.
 */
package com.rabaislocal.sdk.testing;
