package com.rabaislocal.sdk.openai.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.WireTestBase;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingServiceWireTest extends WireTestBase {

    @Test
    void aBatchIsSentAndReorderedByIndex() throws Exception {
        enqueue("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.5,-0.25]},"
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.0023064255,-0.009327292]}],"
                + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}");
        EmbeddingList l = client.embeddings().create(EmbeddingCreateParams.builder().model("text-embedding-3-small")
                .input("croissants").input("café").dimensions(2).build());
        assertEquals(json("{\"model\":\"text-embedding-3-small\",\"input\":[\"croissants\",\"café\"],"
                + "\"dimensions\":2}"), json(take("POST", "/embeddings")));
        assertArrayEquals(new float[] {0.0023064255f, -0.009327292f}, l.data().get(0).vector());
        assertArrayEquals(new float[] {0.5f, -0.25f}, l.data().get(1).vector());
        assertEquals(8, l.totalTokens());
    }

    @Test
    void base64VectorsAreDecoded() throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f)
                .putFloat(0.125f);
        String b64 = Base64.getEncoder().encodeToString(buf.array());
        enqueue("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":\"" + b64 + "\"}],"
                + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}");
        EmbeddingList l = client.embeddings().create(EmbeddingCreateParams.builder().model("text-embedding-3-small")
                .input("x").encoding(EmbeddingCreateParams.Encoding.BASE64).build());
        assertEquals("base64", json(take()).get("encoding_format").asText());
        assertArrayEquals(new float[] {1.5f, -2f, 0.125f}, l.data().get(0).vector());
    }

    @Test
    void aMissingOrDuplicatedIndexIsUnexpected() {
        enqueue("{\"data\":[{\"index\":0,\"embedding\":[1]},{\"index\":0,\"embedding\":[2]}],\"model\":\"m\"}");
        assertThrows(UnexpectedResponseException.class, () -> client.embeddings().create(EmbeddingCreateParams
                .builder().model("m").input("a").input("b").build()));
    }

    @Test
    void paramsListEveryProblem() {
        ValidationException e = assertThrows(ValidationException.class, () -> EmbeddingCreateParams.builder()
                .model("text-embedding-ada-002").input("").dimensions(256).build());
        assertTrue(e.fieldErrors().keySet().containsAll(List.of("input[0]", "dimensions")), e.fieldErrors().toString());
        ValidationException none = assertThrows(ValidationException.class, () -> EmbeddingCreateParams.builder()
                .build());
        assertTrue(none.fieldErrors().keySet().containsAll(List.of("model", "input")));
    }
}
