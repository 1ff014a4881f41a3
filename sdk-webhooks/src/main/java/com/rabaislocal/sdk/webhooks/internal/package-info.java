/**
 * Helpers public only for the SDK's modules (builders' problem collection); no compatibility promise.
 */
package com.rabaislocal.sdk.webhooks.internal;
