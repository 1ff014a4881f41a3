/**
 * Code that is public only so that other SDK modules can call it: the retrier, Retry-After parsing, IP literal
 * checks, body-reading helpers. <b>No compatibility promise</b>: anything here may change or go in any release.
 * Applications should not use it; the supported API is in the other packages.
 */
package com.rabaislocal.sdk.core.internal;
