/** Analytics by date, with the bounce-rate figure. */
package com.rabaislocal.sdk.mailersend.analytics;
