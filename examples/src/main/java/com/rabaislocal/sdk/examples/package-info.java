/** RabaisLocal SDK: examples. */
package com.rabaislocal.sdk.examples;
