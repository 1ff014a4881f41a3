/** The team's scenarios: listing, activation, runs on demand and execution state. */
package com.rabaislocal.sdk.make.scenarios;
