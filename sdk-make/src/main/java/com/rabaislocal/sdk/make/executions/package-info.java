/** The execution history: scenario logs, incomplete executions, usage and the health view. */
package com.rabaislocal.sdk.make.executions;
