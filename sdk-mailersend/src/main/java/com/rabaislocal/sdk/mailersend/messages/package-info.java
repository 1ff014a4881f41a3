/** Messages: list and get. */
package com.rabaislocal.sdk.mailersend.messages;
