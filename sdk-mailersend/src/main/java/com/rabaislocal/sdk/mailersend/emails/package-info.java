/** Single emails: {@code POST /v1/email}, its params with every documented limit, and the result. */
package com.rabaislocal.sdk.mailersend.emails;
