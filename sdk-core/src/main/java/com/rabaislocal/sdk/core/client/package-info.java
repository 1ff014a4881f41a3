/**
 * What every service client is built from: {@link com.rabaislocal.sdk.core.client.ClientOptions} and its builder
 * base, which each module's client builder extends with its own fields. See {@code docs/MODULES.md}.
 */
package com.rabaislocal.sdk.core.client;
