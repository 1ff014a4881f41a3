/** The daily API quota. */
package com.rabaislocal.sdk.mailersend.quota;
