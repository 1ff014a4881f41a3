/** Suppression lists: blocklist, hard bounces, spam complaints, unsubscribes and on-hold. */
package com.rabaislocal.sdk.mailersend.suppressions;
