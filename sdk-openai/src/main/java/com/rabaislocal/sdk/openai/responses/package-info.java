/** OpenAI's Responses API: create, retrieve, delete and typed streaming events. */
package com.rabaislocal.sdk.openai.responses;
