/** Custom webhooks: listing, reading and triggering them, with their address kept secret. */
package com.rabaislocal.sdk.make.hooks;
