/** RabaisLocal SDK: mailersend. */
package com.rabaislocal.sdk.mailersend;
