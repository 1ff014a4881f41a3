/**
 * The receiver's payload validation step: the {@link com.rabaislocal.sdk.webhooks.validation.PayloadValidator} SPI,
 * JSON Schema and required-fields validators.
 */
package com.rabaislocal.sdk.webhooks.validation;
