package com.rabaislocal.sdk.openai.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.CallOptions;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.openai.WireTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ChatServiceWireTest extends WireTestBase {

    record FindDealsArgs(String city, int maxResults) { }

    record DealAnswer(String title, Optional<String> coupon) { }

    @Test
    void createSendsEveryOptionAndReadsTheAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_abc123").addHeader("x-ratelimit-limit-requests", "10000")
                .addHeader("x-ratelimit-remaining-requests", "9999").addHeader("x-ratelimit-limit-tokens", "200000")
                .addHeader("x-ratelimit-remaining-tokens", "199942").addHeader("x-ratelimit-reset-requests", "6m0s")
                .addHeader("x-ratelimit-reset-tokens", "17ms").body(completion("Bonjour !")).build());
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .message(ChatMessage.developer("Réponds en français."))
                .system("Tu es l'assistant de RabaisLocal.")
                .message(ChatMessage.user(ContentPart.text("Que vois-tu ?"),
                        ContentPart.imageUrl("https://cdn.rabaislocal.com/o/1.png", "low")))
                .message(ChatMessage.assistant("Une boulangerie."))
                .tool(Tool.function("find_deals", "Lists live offers", FindDealsArgs.class))
                .toolChoice(ToolChoice.function("find_deals")).parallelToolCalls(true)
                .responseFormat(ResponseFormat.jsonObject()).seed(42L).stop("FIN").maxCompletionTokens(256)
                .temperature(0.2).topP(0.9).reasoningEffort("low").metadata("module", "F").store(false)
                .safetyIdentifier("u_5f2c").build();

        ChatCompletion c = client.chat().create(params);

        RecordedRequest r = take("POST", "/chat/completions");
        JsonNode b = json(r);
        assertEquals(json("{\"model\":\"gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"developer\",\"content\":\"Réponds en français.\"},"
                + "{\"role\":\"system\",\"content\":\"Tu es l'assistant de RabaisLocal.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Que vois-tu ?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://cdn.rabaislocal.com/o/1.png\",\"detail\":\"low\"}}]},"
                + "{\"role\":\"assistant\",\"content\":\"Une boulangerie.\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"find_deals\",\"description\":\"Lists live offers\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
                + "\"maxResults\":{\"type\":\"integer\"}},\"additionalProperties\":false,\"required\":[\"city\",\"maxResults\"]},"
                + "\"strict\":true}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"find_deals\"}},\"parallel_tool_calls\":true,"
                + "\"response_format\":{\"type\":\"json_object\"},\"seed\":42,\"stop\":[\"FIN\"],\"max_completion_tokens\":256,"
                + "\"temperature\":0.2,\"top_p\":0.9,\"reasoning_effort\":\"low\",\"metadata\":{\"module\":\"F\"},"
                + "\"store\":false,\"safety_identifier\":\"u_5f2c\"}"), b);
        assertNull(r.getHeaders().get("OpenAI-Organization"));
        assertNull(r.getHeaders().get("X-Retry-Count"));
        assertTrue(r.getHeaders().get("User-Agent").startsWith("rabaislocal-sdk-java/"), r.getHeaders().get("User-Agent"));

        assertEquals("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", c.id());
        assertEquals("gpt-4o-mini-2024-07-18", c.model());
        assertEquals(Optional.of("Bonjour !"), c.content());
        assertEquals(Choice.STOP, c.finishReason());
        assertEquals(29, c.usage().totalTokens());
        assertEquals("fp_06737a9306", c.systemFingerprint());
        assertEquals("req_abc123", c.meta().requestId());
        assertEquals(9999, c.meta().rateLimits().requestsRemaining().getAsLong());
        assertEquals(Duration.ofMinutes(6), c.meta().rateLimits().requestsReset().orElseThrow());
        assertEquals(Duration.ofMillis(17), c.meta().rateLimits().tokensReset().orElseThrow());
    }

    @Test
    void organizationAndProjectHeadersWhenConfigured() throws Exception {
        enqueue(completion("ok"));
        try (OpenAiClient c = builder().organization("org-RabaisLocal").project("proj_moduleF").build()) {
            c.chat().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").user("hi").build());
        }
        RecordedRequest r = take("POST", "/chat/completions");
        assertEquals("org-RabaisLocal", r.getHeaders().get("OpenAI-Organization"));
        assertEquals("proj_moduleF", r.getHeaders().get("OpenAI-Project"));
    }

    @Test
    void perCallHeadersAreSent() throws Exception {
        enqueue(completion("ok"));
        client.chat().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").user("hi").build(),
                CallOptions.builder().header("X-Trace", "t-1").timeout(Duration.ofSeconds(30)).build());
        assertEquals("t-1", take().getHeaders().get("X-Trace"));
    }

    @Test
    void toolCallsKeepTheirRawArgumentsAndParseSafely() throws Exception {
        enqueue("{\"id\":\"chatcmpl-tc\",\"object\":\"chat.completion\",\"created\":1741570283,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                + "{\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"find_deals\",\"arguments\":"
                + "\"{\\\"city\\\":\\\"Québec\\\",\\\"maxResults\\\":3}\"}},"
                + "{\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"find_deals\",\"arguments\":"
                + "\"{\\\"city\\\": \\\"Lév\"}}],\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
                + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":82,\"completion_tokens\":17,"
                + "\"total_tokens\":99},\"unknown_new_field\":{\"x\":1}}");
        ChatCompletion c = client.chat().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .user("Des rabais à Québec ?").build());
        assertEquals(Choice.TOOL_CALLS, c.finishReason());
        assertEquals(Optional.empty(), c.content());
        List<ToolCall> calls = c.toolCalls();
        assertEquals(2, calls.size());
        assertEquals("{\"city\":\"Québec\",\"maxResults\":3}", calls.get(0).arguments());
        assertEquals(new FindDealsArgs("Québec", 3), calls.get(0).parseArguments(FindDealsArgs.class));
        assertTrue(calls.get(0).argumentsJson().isPresent());
        assertEquals(Optional.empty(), calls.get(1).argumentsJson());
        ToolArgumentsException e = assertThrows(ToolArgumentsException.class,
                () -> calls.get(1).parseArguments(FindDealsArgs.class));
        assertEquals("find_deals", e.tool());
        assertFalse(e.getMessage().contains("Lév"), e.getMessage());
    }

    @Test
    void theToolLoopHistoryIsSentBackAsOpenAiExpects() throws Exception {
        enqueue(completion("ok"));
        AssistantMessage asked = new AssistantMessage("assistant", null, null,
                List.of(ToolCall.function("call_a", "find_deals", "{\"city\":\"Québec\"}")), null);
        client.chat().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").user("Rabais ?")
                .message(ChatMessage.assistant(asked)).message(ChatMessage.tool("call_a", "[{\"title\":\"Pain\"}]"))
                .build());
        JsonNode m = json(take()).get("messages");
        assertEquals(json("{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_a\",\"type\":\"function\","
                + "\"function\":{\"name\":\"find_deals\",\"arguments\":\"{\\\"city\\\":\\\"Québec\\\"}\"}}]}"), m.get(1));
        assertEquals(json("{\"role\":\"tool\",\"content\":\"[{\\\"title\\\":\\\"Pain\\\"}]\",\"tool_call_id\":\"call_a\"}"),
                m.get(2));
    }

    @Test
    void parseSendsTheStrictSchemaAndBindsTheRecord() throws Exception {
        enqueue(completion("{\"title\":\"Croissants -30 %\",\"coupon\":null}"));
        StructuredCompletion<DealAnswer> s = client.chat().parse(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").user("Un rabais ?").build(), DealAnswer.class);
        assertEquals(new DealAnswer("Croissants -30 %", Optional.empty()), s.value());
        JsonNode rf = json(take()).get("response_format");
        assertEquals("json_schema", rf.get("type").asText());
        assertEquals("DealAnswer", rf.get("json_schema").get("name").asText());
        assertTrue(rf.get("json_schema").get("strict").asBoolean());
        assertEquals(json("[\"title\",\"coupon\"]"), rf.get("json_schema").get("schema").get("required"));
    }

    @Test
    void aRefusalIsSurfacedNotParsed() throws Exception {
        enqueue("{\"id\":\"chatcmpl-r\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"refusal\":\"I'm sorry, I cannot help with that request.\"},\"finish_reason\":\"stop\"}]}");
        StructuredCompletion<DealAnswer> s = client.chat().parse(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").user("?").build(), DealAnswer.class);
        assertEquals(Optional.of("I'm sorry, I cannot help with that request."), s.refusal());
        ModelRefusalException e = assertThrows(ModelRefusalException.class, s::value);
        assertEquals("I'm sorry, I cannot help with that request.", e.refusal());
    }

    @Test
    void aStructuredAnswerThatDoesNotBindIsUnexpected() {
        enqueue(completion("{\"title\": 12, \"coupon\": [}"));
        assertThrows(UnexpectedResponseException.class, () -> client.chat().parse(ChatCompletionCreateParams
                .builder().model("gpt-4o-mini").user("?").build(), DealAnswer.class));
    }

    @Test
    void aCompletionWithoutChoicesIsUnexpected() {
        enqueue("{\"id\":\"chatcmpl-x\",\"object\":\"chat.completion\",\"choices\":[]}");
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.chat().create(ChatCompletionCreateParams.builder().model("m").user("hi").build()));
        assertEquals("req_200", e.requestId().orElseThrow());
    }

    @Test
    void paramsListEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> ChatCompletionCreateParams.builder()
                .temperature(2.5).topP(-1.0).maxCompletionTokens(0).stop("a").stop("b").stop("c").stop("d").stop("e")
                .toolChoice(ToolChoice.REQUIRED).safetyIdentifier("x".repeat(65)).build());
        for (String f : List.of("model", "messages", "temperature", "top_p", "max_completion_tokens", "stop",
                "tool_choice", "safety_identifier")) {
            assertTrue(e.fieldErrors().containsKey(f), f + " in " + e.fieldErrors());
        }
        assertEquals(0, server.getRequestCount());
    }
}
