/** RabaisLocal SDK: benchmarks. */
package com.rabaislocal.sdk.benchmarks;
