/**
 * Runnable examples of the RabaisLocal SDK. {@link com.rabaislocal.sdk.examples.Main} runs them all, offline unless
 * the services' variables are set.
 */
package com.rabaislocal.sdk.examples;
