/** Public only for the SDK's modules (sdk-testing, sdk-monitoring); no compatibility promise. */
package com.rabaislocal.sdk.openai.internal;
