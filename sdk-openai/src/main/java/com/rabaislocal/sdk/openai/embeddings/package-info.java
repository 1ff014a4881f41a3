/** OpenAI's embeddings: batches, dimensions, float and base64 vectors. */
package com.rabaislocal.sdk.openai.embeddings;
