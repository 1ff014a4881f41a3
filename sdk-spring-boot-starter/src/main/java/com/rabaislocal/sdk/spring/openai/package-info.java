/**
 * OpenAI auto-configuration.
 */
package com.rabaislocal.sdk.spring.openai;
