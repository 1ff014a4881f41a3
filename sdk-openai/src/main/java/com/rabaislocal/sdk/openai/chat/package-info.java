/**
 * Chat Completions: {@link com.rabaislocal.sdk.openai.chat.ChatService} with its params, messages, tools, response
 * formats, the typed answer, streamed chunks and the {@link com.rabaislocal.sdk.openai.chat.ChatCompletionAccumulator}.
 */
package com.rabaislocal.sdk.openai.chat;
