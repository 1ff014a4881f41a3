/** Internal helpers of the Make module, public only for other SDK modules; no compatibility promise. */
package com.rabaislocal.sdk.make.internal;
