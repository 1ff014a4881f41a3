/**
 * OpenAI's error answers: {@link com.rabaislocal.sdk.openai.error.OpenAiErrorParser} turns them into the kit's
 * exceptions, with {@link com.rabaislocal.sdk.openai.error.InsufficientQuotaException} for an exhausted quota and
 * {@link com.rabaislocal.sdk.openai.error.OpenAiStreamException} for an error inside a started stream.
 */
package com.rabaislocal.sdk.openai.error;
