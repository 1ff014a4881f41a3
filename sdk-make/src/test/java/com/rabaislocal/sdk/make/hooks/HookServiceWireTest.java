package com.rabaislocal.sdk.make.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.make.MakeWire;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HookServiceWireTest {

    private static final String UDID = "k3x9q2m7w1v8b4n6z5t0y2r7p1s9d3f6";

    private final MakeWire wire;
    private final HookUrl url;

    HookServiceWireTest() throws Exception {
        wire = new MakeWire();
        url = HookUrl.of(wire.server.url("/" + UDID).toString());
    }

    @AfterEach
    void close() throws Exception {
        wire.close();
    }

    private static MockResponse text(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/plain; charset=utf-8")
                .body(body).build();
    }

    @Test
    void listReadsHooksWithMaskedAddresses() throws Exception {
        wire.enqueue(200, "{\"hooks\":[{\"id\":881,\"name\":\"Coupons\",\"teamId\":42,\"udid\":\"" + UDID + "\","
                + "\"type\":\"web\",\"typeName\":\"gateway-webhook\",\"enabled\":true,\"gone\":false,\"queueCount\":0,"
                + "\"queueLimit\":50,\"scenarioId\":5,\"url\":\"https://hook.eu1.make.com/" + UDID + "\"}],"
                + "\"pg\":{\"limit\":100,\"offset\":0}}");
        Hook h = wire.client.hooks().list().toList().get(0);
        assertEquals(881, h.id());
        assertEquals(50, h.queueLimit());
        assertEquals("https://hook.eu1.make.com/" + UDID, h.url().orElseThrow().reveal());
        assertFalse(h.toString().contains(UDID), h.toString());
        assertEquals("/api/v2/hooks?teamId=42&pg%5Boffset%5D=0&pg%5Blimit%5D=100", wire.take().getTarget());
    }

    @Test
    void triggerPostsJsonWithTheApiKeyAndNoToken() throws Exception {
        wire.server.enqueue(text(200, "Accepted"));
        HookResult r = wire.client.hooks().trigger(url, Map.of("code", "RABAIS10"), Secret.of("hook-key-123"));
        assertTrue(r.accepted());
        RecordedRequest req = wire.take();
        assertEquals("POST", req.getMethod());
        assertEquals("/" + UDID, req.getTarget());
        assertEquals("{\"code\":\"RABAIS10\"}", MakeWire.body(req));
        assertEquals("hook-key-123", req.getHeaders().get("x-make-apikey"));
        assertNull(req.getHeaders().get("Authorization"), "the API token never goes to a hook");
        assertTrue(req.getHeaders().get("User-Agent").startsWith("rabaislocal-sdk-java/"));
    }

    @Test
    void aWebhookResponseModuleAnswerIsReturnedAsIs() {
        wire.server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .body("{\"ok\":true}").build());
        HookResult r = wire.client.hooks().trigger(url, null);
        assertEquals(201, r.status());
        assertFalse(r.accepted());
        assertEquals("{\"ok\":true}", r.body());
    }

    @Test
    void aFullQueueAndA429AreRetriedThenAccepted() {
        wire.server.enqueue(text(400, "Queue is full."));
        wire.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                .body("Too many requests").build());
        wire.server.enqueue(text(200, "Accepted"));
        assertTrue(wire.client.hooks().trigger(url, Map.of()).accepted());
        assertEquals(3, wire.server.getRequestCount());
        assertEquals(Duration.ofSeconds(2), wire.sleeper.delays().get(1));
    }

    @Test
    void aQueueStillFullEndsInItsOwnException() {
        for (int i = 0; i < 4; i++) {
            wire.server.enqueue(text(400, "Queue is full."));
        }
        HookQueueFullException e = assertThrows(HookQueueFullException.class,
                () -> wire.client.hooks().trigger(url, Map.of()));
        assertTrue(e instanceof RateLimitException);
        assertFalse(e.getMessage().contains(UDID), e.getMessage());
        assertEquals(4, wire.server.getRequestCount());
    }

    @Test
    void aGoneHookIsPermanent() {
        wire.server.enqueue(text(410, "Webhook not found."));
        HookGoneException e = assertThrows(HookGoneException.class, () -> wire.client.hooks().trigger(url, null));
        assertTrue(e.getMessage().contains("Webhook not found"), e.getMessage());
        assertFalse(e.getMessage().contains(UDID), e.getMessage());
        assertEquals(1, wire.server.getRequestCount());
    }

    @Test
    void aDataStructureRefusalIsAnInvalidRequestNotRetried() {
        wire.server.enqueue(text(400, "Validation failed: missing 'code'"));
        assertThrows(com.rabaislocal.sdk.core.error.InvalidRequestException.class,
                () -> wire.client.hooks().trigger(url, Map.of()));
        assertEquals(1, wire.server.getRequestCount());
    }

    @Test
    void aTriggerWhoseAnswerTimesOutIsSentOnceAndNeverLogsTheAddress() {
        var quick = wire.client.withOptions(b -> b.deadline(Duration.ofMillis(400)));
        wire.server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS)
                .body("Accepted").build());
        wire.server.enqueue(text(200, "Accepted"));
        try (LogCapture logs = LogCapture.sdk()) {
            RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
                    () -> quick.hooks().trigger(url, Map.of("a", 1), Secret.of("hook-key-123")));
            assertFalse(e.getMessage().contains(UDID), e.getMessage());
            assertFalse(logs.text().contains(UDID), logs.text());
            assertFalse(logs.text().contains("hook-key-123"), logs.text());
        }
        assertEquals(1, wire.server.getRequestCount());
    }

    @Test
    void addressesAreCheckedWithoutBeingEchoed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> HookUrl.of("http://hook.eu1.make.com/" + UDID));
        assertFalse(e.getMessage().contains(UDID));
        assertThrows(ValidationException.class, () -> HookUrl.of("https://hook.eu1.make.com/"));
        assertEquals("HookUrl[hook.eu1.make.com/redacted]", HookUrl.of("https://hook.eu1.make.com/" + UDID).toString());
        assertThrows(ValidationException.class, () -> wire.client.hooks().trigger(url,
                Map.of("big", "x".repeat(HookService.MAX_PAYLOAD_BYTES))));
        assertEquals(0, wire.server.getRequestCount());
    }
}
