/** An in-process Make.com stand-in for tests and offline examples. */
package com.rabaislocal.sdk.testing.make;
