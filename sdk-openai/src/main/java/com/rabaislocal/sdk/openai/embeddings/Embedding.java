package com.rabaislocal.sdk.openai.embeddings;

/**
 * One input's vector.
 *
 * @param index the input's position in the request
 * @param vector the vector (decoded from base64 when asked that way)
 */
public record Embedding(int index, float[] vector) {

    @Override
    public String toString() {
        return "Embedding{index=" + index + ", dimensions=" + vector.length + '}';
    }
}
