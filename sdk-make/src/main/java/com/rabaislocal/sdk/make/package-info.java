/**
 * Make.com workflows: scenarios, runs, execution history, blueprint backups.
 */
package com.rabaislocal.sdk.make;
