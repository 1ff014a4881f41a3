/**
 * RabaisLocal SDK for OpenAI: {@link com.rabaislocal.sdk.openai.OpenAiClient} (Chat Completions with streaming and
 * structured outputs, the Responses API, embeddings, moderations, models) and the platform's AI agents
 * ({@link com.rabaislocal.sdk.openai.agents}).
 */
package com.rabaislocal.sdk.openai;
