package com.rabaislocal.sdk.openai.embeddings;

import com.rabaislocal.sdk.openai.ResponseMeta;
import java.util.List;

/**
 * The vectors of a batch, in input order whatever order OpenAI sent them in.
 *
 * @param model the model that embedded
 * @param data one vector per input, {@code data.get(i).index() == i}
 * @param promptTokens the tokens read
 * @param totalTokens the tokens billed
 * @param meta the answer's request id and rate limits
 */
public record EmbeddingList(String model, List<Embedding> data, long promptTokens, long totalTokens,
                            ResponseMeta meta) {
}
