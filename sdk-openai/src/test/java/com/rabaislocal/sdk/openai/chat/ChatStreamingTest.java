package com.rabaislocal.sdk.openai.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.openai.CallOptions;
import com.rabaislocal.sdk.openai.WireTestBase;
import com.rabaislocal.sdk.openai.error.OpenAiStreamException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class ChatStreamingTest extends WireTestBase {

    record FindDealsArgs(String city, String category) { }

    private static final ChatCompletionCreateParams PARAMS = ChatCompletionCreateParams.builder()
            .model("gpt-4o-mini").user("Des rabais ?").build();

    private static String chunk(String choices) {
        return "data: {\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741571000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":["
                + choices + "],\"usage\":null}\n\n";
    }

    private static String toolDelta(int index, String id, String name, String args) {
        String head = id == null ? "" : "\"id\":\"" + id + "\",\"type\":\"function\",";
        String fn = (name == null ? "" : "\"name\":\"" + name + "\",") + "\"arguments\":"
                + com.rabaislocal.sdk.core.json.SdkJson.mapper().valueToTree(args);
        return chunk("{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + index + "," + head + "\"function\":{" + fn
                + "}}]},\"logprobs\":null,\"finish_reason\":null}");
    }

    @Test
    void textDeltasOneByOneWithUsageDoneCommentsAndUnknownFields() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).addHeader("Content-Type",
                "text/event-stream").addHeader("x-request-id", "req_stream")
                .addHeader("x-ratelimit-remaining-tokens", "59").body(": OPENROUTER PROCESSING\n\n"
                + chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":null}")
                + chunk("{\"index\":0,\"delta\":{\"content\":\"Bon\"},\"finish_reason\":null}")
                .replace("\"usage\":null", "\"usage\":null,\"obfuscation\":\"k3x\",\"brand_new\":{\"a\":[1]}")
                + "event: message\n"
                + chunk("{\"index\":0,\"delta\":{\"content\":\"jour\",\"annotations\":[]},\"finish_reason\":null}")
                + chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}")
                + "data: {\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1741571000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
                + "\"completion_tokens\":2,\"total_tokens\":11,\"prompt_tokens_details\":{\"cached_tokens\":4}}}\n\n"
                + "data: [DONE]\n\n"
                + "data: {\"never\":\"read\"}\n\n").build());
        List<String> pieces = new ArrayList<>();
        ChatCompletion c;
        try (ChatCompletionStream s = client.chat().stream(PARAMS)) {
            assertEquals("req_stream", s.meta().requestId());
            assertEquals(59, s.meta().rateLimits().tokensRemaining().getAsLong());
            while (s.hasNext()) {
                pieces.add(String.valueOf(s.next().contentDelta()));
            }
            c = s.completion();
        }
        assertEquals(List.of("", "Bon", "jour", "null", "null"), pieces);
        assertEquals("Bonjour", c.content().orElseThrow());
        assertEquals("stop", c.finishReason());
        assertEquals(11, c.usage().totalTokens());
        assertEquals(4, c.usage().cachedTokens());
        assertEquals("chatcmpl-s1", c.id());
        assertEquals("fp_44709d6fcb", c.systemFingerprint());

        mockwebserver3.RecordedRequest r = take("POST", "/chat/completions");
        assertEquals("text/event-stream", r.getHeaders().get("Accept"));
        JsonNode body = json(r);
        assertTrue(body.get("stream").asBoolean());
        assertEquals(json("{\"include_usage\":true}"), body.get("stream_options"));
    }

    @Test
    void splitToolCallDeltasOfTwoParallelCallsAreRebuiltByIndex() throws Exception {
        // Two calls whose argument pieces interleave; a quote and an escaped character straddle piece borders.
        enqueueSse(chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":null}")
                + toolDelta(0, "call_A", "find_deals", "")
                + toolDelta(0, null, null, "{\"ci")
                + toolDelta(1, "call_B", "find_deals", "")
                + toolDelta(1, null, null, "{\"city\":\"L")
                + toolDelta(0, null, null, "ty\":\"Qu\\u00e9bec\",")
                + toolDelta(1, null, null, "évis\",\"category\":\"food\"}")
                + toolDelta(0, null, null, "\"category\":\"\\\"bio\\\"\"}")
                + chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}")
                + "data: [DONE]\n\n");
        ChatCompletion c = client.chat().stream(PARAMS).accumulate();
        assertEquals("tool_calls", c.finishReason());
        List<ToolCall> calls = c.toolCalls();
        assertEquals(2, calls.size());
        assertEquals("call_A", calls.get(0).id());
        assertEquals("call_B", calls.get(1).id());
        assertEquals("function", calls.get(1).type());
        assertEquals("{\"city\":\"Qu\\u00e9bec\",\"category\":\"\\\"bio\\\"\"}", calls.get(0).arguments());
        assertEquals(new FindDealsArgs("Québec", "\"bio\""), calls.get(0).parseArguments(FindDealsArgs.class));
        assertEquals(new FindDealsArgs("Lévis", "food"), calls.get(1).parseArguments(FindDealsArgs.class));
        assertNull(c.content().orElse(null));
    }

    @Test
    void anErrorEventAfterTheTwoHundredIsTyped() {
        enqueueSse(chunk("{\"index\":0,\"delta\":{\"content\":\"Bon\"},\"finish_reason\":null}")
                + "event: error\ndata: {\"error\":{\"message\":\"The server had an error while processing your "
                + "request. Sorry about that!\",\"type\":\"server_error\",\"param\":null,\"code\":\"server_error\"}}\n\n");
        try (ChatCompletionStream s = client.chat().stream(PARAMS)) {
            s.next();
            OpenAiStreamException e = assertThrows(OpenAiStreamException.class, s::next);
            assertEquals("server_error", e.code().orElseThrow());
            assertEquals(200, e.httpStatus());
            assertFalse(e.retryable());
            assertEquals("Bon", s.completion().content().orElseThrow());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anErrorObjectWithoutEventLineIsTypedToo() {
        enqueueSse("data: {\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":"
                + "\"rate_limit_exceeded\"}}\n\n");
        try (ChatCompletionStream s = client.chat().stream(PARAMS)) {
            OpenAiStreamException e = assertThrows(OpenAiStreamException.class, s::hasNext);
            assertEquals("rate_limit_exceeded", e.code().orElseThrow());
        }
    }

    @Test
    void aStreamThatGoesSilentPastTheLimitTimesOut() {
        String first = chunk("{\"index\":0,\"delta\":{\"content\":\"Bon\"},\"finish_reason\":null}");
        // The first event arrives at once, then the server waits 3 s between pieces: past the 300 ms limit.
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(first + chunk("{\"index\":0,\"delta\":{\"content\":\"jour\"},\"finish_reason\":null}"))
                .throttleBody(first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, 3, TimeUnit.SECONDS)
                .build());
        List<String> got = new ArrayList<>();
        try (ChatCompletionStream s = client.chat().stream(PARAMS, true, CallOptions.builder()
                .silenceLimit(Duration.ofMillis(300)).build())) {
            RequestTimeoutException e = assertThrows(RequestTimeoutException.class, () -> {
                while (s.hasNext()) {
                    got.add(s.next().contentDelta());
                }
            });
            assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        }
        assertEquals(List.of("Bon"), got);
    }

    @Test
    void aChunkThatIsNotJsonIsAnUnexpectedResponse() {
        enqueueSse("data: {not json\n\n");
        try (ChatCompletionStream s = client.chat().stream(PARAMS)) {
            assertThrows(UnexpectedResponseException.class, s::hasNext);
        }
    }

    @Test
    void withoutUsageNoStreamOptionsAreSent() throws Exception {
        enqueueSse(chunk("{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":\"stop\"}") + "data: [DONE]\n\n");
        try (ChatCompletionStream s = client.chat().stream(PARAMS, false, CallOptions.NONE)) {
            assertEquals(1, s.stream().count());
        }
        JsonNode body = json(take());
        assertFalse(body.has("stream_options"));
        assertTrue(body.get("stream").asBoolean());
    }

    @Test
    void closingCancelsTheCall() {
        enqueueSse(chunk("{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":null}")
                + chunk("{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":null}") + "data: [DONE]\n\n");
        ChatCompletionStream s = client.chat().stream(PARAMS);
        assertEquals("a", s.next().contentDelta());
        s.close();
        // Closed: nothing more is handed out, and closing again is harmless.
        assertFalse(s.hasNext());
        assertEquals("a", s.completion().content().orElseThrow());
        s.close();
    }
}
