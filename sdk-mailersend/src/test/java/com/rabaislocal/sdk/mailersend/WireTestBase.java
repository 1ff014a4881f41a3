package com.rabaislocal.sdk.mailersend;

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
 * sdk-testing's MockWebServerTest (a started server, a private transport, a recording sleeper) with a MailerSend
 * client rooted at them.
 */
public abstract class WireTestBase extends MockWebServerTest {

    static final String TOKEN = "mlsn.test_token_0123456789abcdef0123456789abcdef";
    static final String MESSAGE_ID = "63189f260a946e37f800f018";

    MailerSendClient client;

    // The server, transport and sleeper come from MockWebServerTest, started before this and stopped after.
    @BeforeEach
    void start() {
        client = builder().build();
    }

    MailerSendClient.Builder builder() {
        return MailerSendClient.builder().baseUrl(server.url("/v1").toString())
                .credential(CredentialProvider.of(TOKEN)).transport(transport)
                .retryPolicy(MailerSendClient.DEFAULT_RETRY_POLICY.toBuilder().sleeper(sleeper)
                        .clock(sleeper.clock()).minJitter(1.0).build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    /** Answers as the service does: JSON, with its own headers. */
    @Override
    protected void enqueue(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("X-RateLimit-Limit", "120").addHeader("X-RateLimit-Remaining", "117")
                .body(body).build());
    }

    void enqueue(String body) {
        enqueue(200, body);
    }

    /** A 202 as MailerSend answers a send: no body, the message id and rate-limit headers. */
    void enqueueAccepted() {
        server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Message-Id", MESSAGE_ID)
                .addHeader("X-RateLimit-Limit", "120").addHeader("X-RateLimit-Remaining", "117")
                .addHeader("X-ApiQuota-Remaining", "99873").addHeader("X-ApiQuota-Reset", "2026-12-03T00:00:00Z")
                .build());
    }

    RecordedRequest take() throws InterruptedException {
        return takeRequest();
    }

    /** Takes a request and checks its method, path and token. */
    RecordedRequest take(String method, String path) throws InterruptedException {
        RecordedRequest r = take();
        assertEquals(method, r.getMethod());
        assertEquals("/v1" + path, r.getUrl().encodedPath());
        assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
        return r;
    }

    static JsonNode json(RecordedRequest r) throws IOException {
        return SdkJson.mapper().readTree(r.getBody().utf8());
    }

    static JsonNode json(String text) throws IOException {
        return SdkJson.mapper().readTree(text);
    }
}
