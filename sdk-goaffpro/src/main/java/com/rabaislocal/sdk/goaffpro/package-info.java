/** RabaisLocal SDK: goaffpro. */
package com.rabaislocal.sdk.goaffpro;
