/** Deliverability figures: the bounce rate from webhook events or from the analytics API. */
package com.rabaislocal.sdk.mailersend.deliverability;
