/** An in-process MailerSend stand-in for tests, examples and benchmarks. */
package com.rabaislocal.sdk.testing.mailersend;
