/** Make's error parser and the module's own exceptions, each under the kit family whose handling fits it. */
package com.rabaislocal.sdk.make.error;
