package com.rabaislocal.sdk.openai.embeddings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.openai.CallOptions;
import com.rabaislocal.sdk.openai.internal.OpenAiHttp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Embeddings ({@code POST /embeddings}): a batch of texts to vectors, float or base64 on the wire, results put back
 * in input order. Retried like generations. A cheap view, thread-safe.
 */
public final class EmbeddingService {

    private final OpenAiHttp http;

    /**
     * Creates the service.
     *
     * @param http the client's sender
     */
    public EmbeddingService(OpenAiHttp http) {
        this.http = http;
    }

    /**
     * Embeds a batch.
     *
     * @param params the texts and the model
     * @return one vector per text, in input order
     * @throws com.rabaislocal.sdk.core.error.UnexpectedResponseException when a vector is missing, duplicated or
     *     not readable
     */
    public EmbeddingList create(EmbeddingCreateParams params) {
        return create(params, CallOptions.NONE);
    }

    /**
     * Embeds a batch with per-call settings.
     *
     * @param params the texts and the model
     * @param options timeout, deadline, headers
     * @return one vector per text, in input order
     */
    public EmbeddingList create(EmbeddingCreateParams params, CallOptions options) {
        Raw raw = http.execute(OpenAiHttp.request("POST", "/embeddings", "embeddings.create", options)
                .jsonBody(params).repeatable(true).build(), Raw.class, (r, a) -> r.withMeta(a));
        return raw.result;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Raw {
        @JsonProperty("model")
        String model;
        @JsonProperty("data")
        List<RawItem> data;
        @JsonProperty("usage")
        JsonNode usage;
        transient EmbeddingList result;

        Raw withMeta(OpenAiHttp.Answer a) {
            if (data == null) {
                throw a.unexpected("an embedding list needs a data array");
            }
            List<RawItem> sorted = new ArrayList<>(data);
            sorted.sort(Comparator.comparingInt(i -> i.index));
            List<Embedding> out = new ArrayList<>(sorted.size());
            for (int i = 0; i < sorted.size(); i++) {
                RawItem item = sorted.get(i);
                if (item.index != i) {
                    throw a.unexpected("embedding indexes must be 0.." + (sorted.size() - 1) + " once each, found "
                            + item.index + " at position " + i);
                }
                out.add(new Embedding(i, vector(item.embedding, a, i)));
            }
            long prompt = usage == null ? 0 : usage.path("prompt_tokens").asLong();
            long total = usage == null ? 0 : usage.path("total_tokens").asLong();
            result = new EmbeddingList(model, List.copyOf(out), prompt, total, a.meta());
            return this;
        }

        private static float[] vector(JsonNode n, OpenAiHttp.Answer a, int index) {
            if (n != null && n.isArray()) {
                float[] v = new float[n.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) n.get(i).asDouble();
                }
                return v;
            }
            if (n != null && n.isTextual()) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(n.asText());
                } catch (IllegalArgumentException e) {
                    throw a.unexpected("embedding " + index + " is not valid base64");
                }
                if (bytes.length % 4 != 0) {
                    throw a.unexpected("embedding " + index + " has " + bytes.length + " bytes, not whole floats");
                }
                float[] v = new float[bytes.length / 4];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                return v;
            }
            throw a.unexpected("embedding " + index + " is neither an array nor base64");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class RawItem {
        @JsonProperty("index")
        int index;
        @JsonProperty("embedding")
        JsonNode embedding;
    }
}
