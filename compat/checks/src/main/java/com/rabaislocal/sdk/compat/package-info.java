/**
 * Checks run by every compatibility combination: a few SDK calls at the wire, on whatever versions of OkHttp,
 * Kotlin and Jackson that combination's BOM imports put on the classpath.
 */
package com.rabaislocal.sdk.compat;
