/**
 * The standard webhook template (receiver, authenticators, rate limits, block list) and the API rate limit.
 */
package com.rabaislocal.sdk.webhooks;
