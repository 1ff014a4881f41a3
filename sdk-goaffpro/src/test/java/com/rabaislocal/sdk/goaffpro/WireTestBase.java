package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.testing.MockWebServerTest;
import java.io.IOException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * sdk-testing's MockWebServerTest (a started server, a private transport, a recording sleeper) with a GoAffPro
 * client rooted at them.
 */
abstract class WireTestBase extends MockWebServerTest {

    static final String TOKEN = "gap_test_token_0123456789abcdef";

    GoAffProClient client;

    // The server, transport and sleeper come from MockWebServerTest, started before this and stopped after.
    @BeforeEach
    void start() {
        client = builder().build();
    }

    GoAffProClient.Builder builder() {
        return GoAffProClient.builder().baseUrl(server.url("/v1").toString()).credential(CredentialProvider.of(TOKEN))
                .transport(transport).retryPolicy(GoAffProClient.DEFAULT_RETRY_POLICY.toBuilder().sleeper(sleeper)
                        .clock(sleeper.clock()).build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    /** GoAffPro answers JSON. */
    @Override
    protected void enqueue(int code, String body) {
        enqueueJson(code, body);
    }

    void enqueue(String body) {
        enqueue(200, body);
    }

    RecordedRequest take() throws InterruptedException {
        return takeRequest();
    }

    /** Takes a request and checks its method, path and token. */
    RecordedRequest take(String method, String path) throws InterruptedException {
        RecordedRequest r = take();
        assertEquals(method, r.getMethod());
        assertEquals("/v1" + path, r.getUrl().encodedPath());
        assertEquals(TOKEN, r.getHeaders().get("x-goaffpro-access-token"));
        return r;
    }

    static JsonNode json(RecordedRequest r) throws IOException {
        return SdkJson.mapper().readTree(r.getBody().utf8());
    }

    static JsonNode json(String text) throws IOException {
        return SdkJson.mapper().readTree(text);
    }
}
