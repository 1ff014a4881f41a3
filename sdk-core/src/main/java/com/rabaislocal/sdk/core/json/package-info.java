/** The SDK's one configured Jackson {@code ObjectMapper}. */
package com.rabaislocal.sdk.core.json;
