package com.rabaislocal.sdk.monitoring.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.openai.OpenAiClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI check: the models list, bounded, never throwing, reasons without secrets. */
class OpenAiHealthCheckTest {

    private static final String KEY = "sk-proj-health0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\","
            + "\"created\":1721172741,\"owned_by\":\"system\"}]}";

    private MockWebServer server;
    private OpenAiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = OpenAiClient.builder().baseUrl(server.url("/v1").toString()).credential(CredentialProvider.of(KEY))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_h").body(body).build());
    }

    @Test
    void upWhenTheModelsAnswer() throws Exception {
        enqueue(200, MODELS);
        HealthResult r = ServiceHealthChecks.openAi(client, Duration.ofSeconds(5), Duration.ofSeconds(2)).check();
        assertEquals(HealthStatus.UP, r.status());
        assertEquals("openai", r.name());
        assertEquals(1, r.details().get("models"));
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/v1/models", req.getUrl().encodedPath());
        assertEquals("Bearer " + KEY, req.getHeaders().get("Authorization"));
    }

    @Test
    void degradedWhenSlowOrRateLimited() {
        enqueue(200, MODELS);
        assertEquals(HealthStatus.DEGRADED, ServiceHealthChecks.openAi(client, Duration.ofSeconds(5), Duration.ZERO)
                .check().status());
        enqueue(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,"
                + "\"code\":\"rate_limit_exceeded\"}}");
        HealthResult r = ServiceHealthChecks.openAi(client, Duration.ofSeconds(5), Duration.ofSeconds(2)).check();
        assertEquals(HealthStatus.DEGRADED, r.status());
        assertEquals("rate limited (HTTP 429 rate_limit_exceeded)", r.reason());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void downOnAWrongKeyOrAnExhaustedQuotaWithoutSecrets() {
        enqueue(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-****wxyz.\",\"type\":"
                + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        HealthResult r = ServiceHealthChecks.openAi(client, Duration.ofSeconds(5), Duration.ofSeconds(2)).check();
        assertEquals(HealthStatus.DOWN, r.status());
        assertEquals("HTTP 401 invalid_api_key, request id req_h", r.reason());
        assertFalse(r.toString().contains("wxyz"));
        enqueue(429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                + "\"param\":null,\"code\":\"insufficient_quota\"}}");
        HealthResult q = ServiceHealthChecks.openAi(client, Duration.ofSeconds(5), Duration.ofSeconds(2)).check();
        assertEquals(HealthStatus.DOWN, q.status());
        assertTrue(q.reason().contains("insufficient_quota"), q.reason());
    }

    @Test
    void downAtTheTimeoutWithoutRetries() {
        server.enqueue(new MockResponse.Builder().code(200).body(MODELS).onResponseBody(SocketEffect.Stall.INSTANCE)
                .build());
        HealthResult r = ServiceHealthChecks.openAi(client, Duration.ofMillis(500), Duration.ofSeconds(2)).check();
        assertEquals(HealthStatus.DOWN, r.status());
        assertTrue(r.reason().contains("500 ms") || r.reason().contains("timed out"), r.reason());
        assertEquals(1, server.getRequestCount());
        enqueue(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
        HealthResult s = ServiceHealthChecks.openAi(client, Duration.ofSeconds(5), Duration.ofSeconds(2)).check();
        assertEquals(HealthStatus.DOWN, s.status());
        assertEquals(2, server.getRequestCount());
    }
}
