/**
 * For the starter's own packages only; no compatibility promise.
 */
package com.rabaislocal.sdk.spring.internal;
