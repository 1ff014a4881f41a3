/** Public only for other SDK modules (sdk-testing, sdk-monitoring); no compatibility promise. */
package com.rabaislocal.sdk.mailersend.internal;
