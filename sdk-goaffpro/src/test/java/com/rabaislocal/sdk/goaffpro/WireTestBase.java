package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A started MockWebServer, a private transport and a recording sleeper, and a GoAffPro client rooted at them. */
abstract class WireTestBase {

    static final String TOKEN = "gap_test_token_0123456789abcdef";

    MockWebServer server;
    SdkHttpClient transport;
    RecordingSleeper sleeper;
    GoAffProClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        sleeper = RecordingSleeper.create();
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
        transport.close();
        server.close();
    }

    void enqueue(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    void enqueue(String body) {
        enqueue(200, body);
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the server");
        }
        return r;
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
