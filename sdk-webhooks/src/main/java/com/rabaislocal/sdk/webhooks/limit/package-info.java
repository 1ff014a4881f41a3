/**
 * Shared state for rate limits, the block list and idempotency claims: in memory for one instance, on Redis (Bucket4j
 * over Lettuce) for several. Start from {@link com.rabaislocal.sdk.webhooks.limit.StateStore}.
 */
package com.rabaislocal.sdk.webhooks.limit;
