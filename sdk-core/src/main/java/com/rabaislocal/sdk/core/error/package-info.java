/**
 * The SDK's single, unchecked exception tree. Everything the SDK throws is a {@link
 * com.rabaislocal.sdk.core.error.RabaisSdkException}: configuration problems, argument validation, transport
 * failures (no HTTP answer) and API errors (an HTTP answer that is not a success), the latter split by status family.
 */
package com.rabaislocal.sdk.core.error;
