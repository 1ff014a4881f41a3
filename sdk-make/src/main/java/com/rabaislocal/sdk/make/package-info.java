/**
 * The Make.com client: scenarios, runs on demand, execution history and health, blueprints and their weekly
 * backup, and custom webhooks. Start with {@link com.rabaislocal.sdk.make.MakeClient}.
 */
package com.rabaislocal.sdk.make;
