package com.rabaislocal.sdk.testing.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiStandInTest {

    private static final String KEY = "sk-standin-test";
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Bonjour\"}]";
    private final HttpClient http = HttpClient.newHttpClient();
    private OpenAiStandIn openai;

    @BeforeEach
    void start() throws Exception {
        openai = OpenAiStandIn.start(KEY);
    }

    @AfterEach
    void stop() {
        openai.close();
    }

    private HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(openai.baseUrl() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return SdkJson.mapper().readTree(r.body());
    }

    /** The data lines of an SSE body, [DONE] included, comments and blank lines left out. */
    private static List<String> data(String body) {
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                out.add(line.substring(6));
            }
        }
        return out;
    }

    @Test
    void scriptedRepliesInOrderAsJson() throws Exception {
        openai.enqueue(OpenAiReply.text("Bonjour !"),
                OpenAiReply.toolCalls(OpenAiReply.call("call_1", "find_deals", "{\"city\":\"Québec\"}")),
                OpenAiReply.json("{\"title\":\"Pain\"}"), OpenAiReply.refusal("Non."));
        HttpResponse<String> r = call("POST", "/chat/completions", KEY, CHAT + "}");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("x-request-id").isPresent());
        JsonNode c = json(r);
        assertEquals("chat.completion", c.get("object").asText());
        assertEquals("Bonjour !", c.at("/choices/0/message/content").asText());
        assertTrue(c.at("/usage/total_tokens").asInt() > 0);
        JsonNode t = json(call("POST", "/chat/completions", KEY, CHAT + "}"));
        assertEquals("tool_calls", t.at("/choices/0/finish_reason").asText());
        assertEquals("{\"city\":\"Québec\"}", t.at("/choices/0/message/tool_calls/0/function/arguments").asText());
        assertEquals("{\"title\":\"Pain\"}", json(call("POST", "/chat/completions", KEY, CHAT + "}"))
                .at("/choices/0/message/content").asText());
        assertEquals("Non.", json(call("POST", "/chat/completions", KEY, CHAT + "}"))
                .at("/choices/0/message/refusal").asText());
        assertEquals(4, openai.chatRequests().size());
        assertEquals("Bonjour", openai.chatRequests().get(0).at("/messages/0/content").asText());
        // Script empty: the default responder names the gap.
        assertEquals(400, call("POST", "/chat/completions", KEY, CHAT + "}").statusCode());
    }

    @Test
    void streamsSplitInterleavedToolCallsWithUsageAndDone() throws Exception {
        openai.enqueue(OpenAiReply.toolCalls(OpenAiReply.call("call_a", "find_deals", "{\"city\":\"Québec\"}"),
                OpenAiReply.call("call_b", "find_deals", "{\"city\":\"Lévis\"}")));
        HttpResponse<String> r = call("POST", "/chat/completions", KEY, CHAT
                + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        assertTrue(r.body().startsWith(": "), "a comment line first");
        List<String> events = data(r.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        for (String e : events.subList(0, events.size() - 1)) {
            JsonNode n = SdkJson.mapper().readTree(e);
            for (JsonNode tc : n.at("/choices/0/delta/tool_calls")) {
                String piece = tc.at("/function/arguments").asText();
                if (!piece.isEmpty()) {
                    order.add(tc.get("index").asInt());
                }
                (tc.get("index").asInt() == 0 ? a : b).append(piece);
            }
        }
        assertEquals("{\"city\":\"Québec\"}", a.toString());
        assertEquals("{\"city\":\"Lévis\"}", b.toString());
        assertEquals(List.of(0, 1, 0, 1, 0, 1), order, "pieces of the two calls interleave");
        JsonNode usage = SdkJson.mapper().readTree(events.get(events.size() - 2));
        assertEquals(0, usage.get("choices").size());
        assertTrue(usage.at("/usage/total_tokens").asInt() > 0);
    }

    @Test
    void aStreamErrorComesAfterTheTwoHundred() throws Exception {
        openai.enqueue(OpenAiReply.streamError("Bonjour, voici"));
        HttpResponse<String> r = call("POST", "/chat/completions", KEY, CHAT + ",\"stream\":true}");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("event: error\ndata: {\"error\""), r.body());
        assertFalse(r.body().contains("[DONE]"));
    }

    @Test
    void errorAnswersHaveOpenAisBodies() throws Exception {
        openai.enqueue(OpenAiReply.rateLimited(), OpenAiReply.insufficientQuota(), OpenAiReply.serverError());
        HttpResponse<String> limited = call("POST", "/chat/completions", KEY, CHAT + "}");
        assertEquals(429, limited.statusCode());
        assertEquals("rate_limit_exceeded", json(limited).at("/error/code").asText());
        assertEquals("20", limited.headers().firstValue("retry-after-ms").orElseThrow());
        HttpResponse<String> quota = call("POST", "/chat/completions", KEY, CHAT + "}");
        assertEquals(429, quota.statusCode());
        assertEquals("insufficient_quota", json(quota).at("/error/type").asText());
        HttpResponse<String> server = call("POST", "/chat/completions", KEY, CHAT + "}");
        assertEquals(500, server.statusCode());
        assertEquals("server_error", json(server).at("/error/type").asText());
    }

    @Test
    void aWrongKeyIsRefusedModelsAndModerationsAnswer() throws Exception {
        HttpResponse<String> r = call("GET", "/models", "sk-wrong", null);
        assertEquals(401, r.statusCode());
        assertEquals("invalid_api_key", json(r).at("/error/code").asText());
        assertEquals("gpt-4o-mini", json(call("GET", "/models", KEY, null)).at("/data/0/id").asText());
        assertEquals("gpt-4o", json(call("GET", "/models/gpt-4o", KEY, null)).get("id").asText());
        openai.flagWord("idiot");
        JsonNode m = json(call("POST", "/moderations", KEY, "{\"model\":\"omni-moderation-latest\",\"input\":"
                + "[\"bonjour\",\"espèce d'idiot\"]}"));
        assertFalse(m.at("/results/0/flagged").asBoolean());
        assertTrue(m.at("/results/1/flagged").asBoolean());
        assertTrue(m.at("/results/1/categories/harassment").asBoolean());
    }
}
