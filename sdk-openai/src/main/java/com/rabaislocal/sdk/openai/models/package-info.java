/** OpenAI's models: list and retrieve. */
package com.rabaislocal.sdk.openai.models;
