/**
 * Make.com auto-configuration.
 */
package com.rabaislocal.sdk.spring.make;
