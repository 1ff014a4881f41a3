package com.rabaislocal.sdk.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.testing.MockWebServerTest;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * sdk-testing's MockWebServerTest (a started server, a private transport, a recording sleeper) with an OpenAI
 * client rooted at them.
 */
public abstract class WireTestBase extends MockWebServerTest {

    /** A key shaped like OpenAI's; never a real one. */
    public static final String KEY = "sk-proj-test0123456789abcdefghijklmnopqrstuvwxyzABCD";

    protected OpenAiClient client;

    // The server, transport and sleeper come from MockWebServerTest, started before this and stopped after.
    @BeforeEach
    void start() {
        client = builder().build();
    }

    protected OpenAiClient.Builder builder() {
        return OpenAiClient.builder().baseUrl(server.url("/v1").toString()).credential(CredentialProvider.of(KEY))
                .transport(transport).retryPolicy(OpenAiClient.DEFAULT_RETRY_POLICY.toBuilder().sleeper(sleeper)
                        .clock(sleeper.clock()).build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    /** Answers as the service does: JSON, with its own headers. */
    @Override
    protected void enqueue(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_" + code).body(body).build());
    }

    protected void enqueue(String body) {
        enqueue(200, body);
    }

    protected void enqueueSse(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .addHeader("x-request-id", "req_stream").body(body).build());
    }

    protected RecordedRequest take() throws InterruptedException {
        return takeRequest();
    }

    /** Takes a request and checks its method, path, key and content type. */
    protected RecordedRequest take(String method, String path) throws InterruptedException {
        RecordedRequest r = take();
        assertEquals(method, r.getMethod());
        assertEquals("/v1" + path, r.getUrl().encodedPath());
        assertEquals("Bearer " + KEY, r.getHeaders().get("Authorization"));
        if (!"GET".equals(method) && !"DELETE".equals(method)) {
            assertEquals("application/json; charset=utf-8", r.getHeaders().get("Content-Type"));
        }
        return r;
    }

    protected static JsonNode json(RecordedRequest r) throws IOException {
        return SdkJson.mapper().readTree(r.getBody().utf8());
    }

    protected static JsonNode json(String text) throws IOException {
        return SdkJson.mapper().readTree(text);
    }

    /** A real-shaped chat completion answer. */
    public static String completion(String content) {
        return "{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\",\"created\":1741569952,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":" + SdkJson.mapper().valueToTree(content) + ",\"refusal\":null,\"annotations\":[]},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":19,"
                + "\"completion_tokens\":10,\"total_tokens\":29,\"prompt_tokens_details\":{\"cached_tokens\":0,"
                + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_06737a9306\"}";
    }
}
