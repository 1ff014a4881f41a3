/**
 * The API rate limit for RabaisLocal's own API: {@link com.rabaislocal.sdk.webhooks.api.ApiRateLimiter}, 100 requests
 * a minute per IP by default, per-route limits, the shared block list.
 */
package com.rabaislocal.sdk.webhooks.api;
