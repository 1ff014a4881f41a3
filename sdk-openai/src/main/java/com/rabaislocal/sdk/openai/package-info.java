/** RabaisLocal SDK: openai. */
package com.rabaislocal.sdk.openai;
