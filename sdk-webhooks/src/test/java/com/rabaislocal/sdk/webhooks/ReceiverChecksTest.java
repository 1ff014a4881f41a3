package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.webhooks.auth.MailerSendSignatureAuthenticator;
import com.rabaislocal.sdk.webhooks.limit.BlockPolicy;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.validation.RequiredFieldsPayloadValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each check of the receiver, in order, with its status and code. */
class ReceiverChecksTest {

    static final String SECRET = "ms-signing-secret-123";
    static final byte[] BODY = "{\"type\":\"activity.delivered\",\"data\":{\"id\":\"evt-1\",\"email\":{}}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeClock clock = FakeClock.create();
    private final StateStore store = StateStore.inMemory(clock);
    private final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    private WebhookHandler handler = e -> {
        handled.add(e);
        return HandlerResult.processed();
    };
    private WebhookReceiver receiver;

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
        store.close();
    }

    private WebhookReceiver receiver() {
        if (receiver == null) {
            receiver = WebhookReceiver.builder().name("mailersend")
                    .authenticator(MailerSendSignatureAuthenticator.of(Secret.of(SECRET)))
                    .validator(RequiredFieldsPayloadValidator.builder().require("/type", "/data/id")
                            .eventTypeAt("/type").eventIdAt("/data/id").build())
                    .handler(e -> handler.handle(e))
                    .stateStore(store).maxBodyBytes(1024).clock(clock)
                    .handlerTimeout(Duration.ofMillis(300))
                    .build();
        }
        return receiver;
    }

    static WebhookRequest.Builder signed(byte[] body, String ip) {
        return WebhookRequest.builder().method("POST").path("/webhooks/mailersend").peerAddress(ip)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Signature", Signing.mailerSend(SECRET, body)).body(body);
    }

    private StandardResponse send(WebhookRequest.Builder b) {
        return receiver().handle(b.build());
    }

    private static void assertAnswer(StandardResponse r, int status, String code) {
        assertEquals(status, r.status(), "status");
        assertEquals(code, r.code().code());
        try {
            JsonNode body = JSON.readTree(r.body());
            assertEquals(status < 300 ? "ok" : "error", body.get("status").asText());
            assertEquals(code, body.get("code").asText());
            assertEquals(r.requestId(), body.get("request_id").asText());
            assertFalse(body.get("message").asText().isEmpty());
            assertEquals(4, body.size());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals("application/json", r.header("Content-Type"));
    }

    @Test
    void aSignedDeliveryIsHandedOnOnce() {
        StandardResponse r = send(signed(BODY, "203.0.113.1").header("X-Request-Id", "req-42"));
        assertAnswer(r, 200, "accepted");
        assertEquals("req-42", r.requestId());
        assertEquals(1, handled.size());
        WebhookEvent e = handled.get(0);
        assertEquals("activity.delivered", e.eventType().orElseThrow());
        assertEquals("evt-1", e.eventId().orElseThrow());
        assertEquals("203.0.113.1", e.delivery().clientIp());
    }

    @Test
    void methodIsCheckedFirst() {
        StandardResponse r = send(signed(BODY, "203.0.113.1").method("GET"));
        assertAnswer(r, 405, "method_not_allowed");
        assertEquals("POST", r.header("Allow"));
    }

    @Test
    void contentTypeIsChecked() {
        WebhookRequest.Builder b = WebhookRequest.builder().method("POST").path("/w").peerAddress("203.0.113.1")
                .header("Content-Type", "text/plain").body(BODY);
        assertAnswer(send(b), 415, "unsupported_media_type");
        assertAnswer(send(WebhookRequest.builder().method("POST").path("/w").peerAddress("203.0.113.1")
                .body(BODY)), 415, "unsupported_media_type");
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedWithoutReadingIt() {
        AtomicInteger read = new AtomicInteger();
        InputStream counting = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }
        };
        StandardResponse r = send(signed(BODY, "203.0.113.1").body(counting, 5000));
        assertAnswer(r, 413, "payload_too_large");
        assertEquals(0, read.get());
    }

    @Test
    void anUndeclaredOversizedBodyIsCutAtTheLimit() {
        byte[] big = new byte[100_000];
        AtomicInteger read = new AtomicInteger();
        InputStream in = new ByteArrayInputStream(big) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        assertAnswer(send(signed(BODY, "203.0.113.1").body(in, -1)), 413, "payload_too_large");
        assertTrue(read.get() <= 1025, "read " + read.get());
    }

    @Test
    void theEleventhRequestOfAMinuteIsRateLimited() {
        for (int i = 0; i < 10; i++) {
            byte[] body = ("{\"type\":\"t\",\"data\":{\"id\":\"e" + i + "\"}}").getBytes(StandardCharsets.UTF_8);
            assertAnswer(send(signed(body, "203.0.113.2")), 200, "accepted");
        }
        StandardResponse r = send(signed(BODY, "203.0.113.2"));
        assertAnswer(r, 429, "rate_limited");
        assertEquals("60", r.header("Retry-After"));
        assertAnswer(send(signed(BODY, "203.0.113.3")), 200, "accepted");
        clock.advance(Duration.ofMinutes(1));
        assertAnswer(send(signed(BODY, "203.0.113.2")), 200, "duplicate");
    }

    @Test
    void fiveBadSignaturesBlockTheIpWhichIsThenRefusedBeforeAnythingElse() {
        for (int i = 0; i < 5; i++) {
            assertAnswer(send(WebhookRequest.builder().method("POST").path("/w").peerAddress("198.51.100.5")
                    .header("Content-Type", "application/json").header("Signature", "0".repeat(64)).body(BODY)),
                    401, "signature_invalid");
        }
        // Blocked: even a correctly signed delivery is refused, and nothing reaches the handler.
        StandardResponse r = send(signed(BODY, "198.51.100.5"));
        assertAnswer(r, 403, "ip_blocked");
        assertEquals(Long.toString(BlockPolicy.DEFAULT.blockFor().toSeconds()), r.header("Retry-After"));
        assertTrue(handled.isEmpty());
        clock.advance(BlockPolicy.DEFAULT.blockFor());
        assertAnswer(send(signed(BODY, "198.51.100.5")), 200, "accepted");
    }

    @Test
    void authenticationCodes() {
        WebhookRequest.Builder unsigned = WebhookRequest.builder().method("POST").path("/w")
                .peerAddress("192.0.2.1").header("Content-Type", "application/json").body(BODY);
        assertAnswer(send(unsigned), 401, "credentials_missing");
        byte[] tampered = BODY.clone();
        tampered[10] ^= 1;
        assertAnswer(send(signed(BODY, "192.0.2.1").body(tampered)), 401, "signature_invalid");
        WebhookRequest.Builder fallback = WebhookRequest.builder().method("POST").path("/w")
                .peerAddress("192.0.2.1").header("Content-Type", "application/json")
                .header("X-MailerSend-Signature", Signing.mailerSend(SECRET, BODY)).body(BODY);
        assertAnswer(send(fallback), 200, "accepted");
    }

    @Test
    void payloadValidationCodes() {
        byte[] notJson = "{\"type\":".getBytes(StandardCharsets.UTF_8);
        assertAnswer(send(signed(notJson, "192.0.2.2")), 400, "malformed_payload");
        byte[] noId = "{\"type\":\"activity.sent\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
        assertAnswer(send(signed(noId, "192.0.2.2")), 422, "invalid_payload");
        assertTrue(handled.isEmpty());
    }

    @Test
    void aDuplicateEventIdAnswers200AndIsNotHandedOn() {
        assertAnswer(send(signed(BODY, "192.0.2.3")), 200, "accepted");
        assertAnswer(send(signed(BODY, "192.0.2.4")), 200, "duplicate");
        assertEquals(1, handled.size());
    }

    @Test
    void aFailingHandlerAnswers500WithoutItsMessageAndTheRetryIsProcessed() {
        handler = e -> {
            throw new IllegalStateException("db password is hunter2");
        };
        StandardResponse r = send(signed(BODY, "192.0.2.5"));
        assertAnswer(r, 500, "handler_failed");
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("hunter2"));
        handler = e -> {
            handled.add(e);
            return HandlerResult.processed();
        };
        assertAnswer(send(signed(BODY, "192.0.2.5")), 200, "accepted");
        assertEquals(1, handled.size());
    }

    @Test
    void aHandlerAskingForLaterIsAcknowledged202AndRunsInTheBackground() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        handler = e -> HandlerResult.later(ran::countDown);
        assertAnswer(send(signed(BODY, "192.0.2.6")), 202, "queued");
        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aSlowHandlerIsAcknowledged202AtItsTimeoutAndGoesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        handler = e -> {
            release.await(5, TimeUnit.SECONDS);
            done.countDown();
            return HandlerResult.processed();
        };
        assertAnswer(send(signed(BODY, "192.0.2.7")), 202, "queued");
        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aFailingStateStoreAnswers503() {
        // A Redis store whose connections are closed fails every call, as when Redis is down.
        io.lettuce.core.RedisClient client = LocalRedis.client();
        StateStore broken = StateStore.redis(client, LocalRedis.freshPrefix(), clock, Duration.ofSeconds(1));
        broken.close();
        WebhookReceiver r = WebhookReceiver.builder()
                .authenticator(MailerSendSignatureAuthenticator.of(Secret.of(SECRET)))
                .handler(e -> HandlerResult.processed()).stateStore(broken).build();
        StandardResponse answer = r.handle(signed(BODY, "192.0.2.8").build());
        assertAnswer(answer, 503, "unavailable");
        assertEquals("1", answer.header("Retry-After"));
        r.close();
        client.shutdown();
    }

    @Test
    void builderReportsEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> WebhookReceiver.builder()
                .name("bad name").maxBodyBytes(0).handlerTimeout(Duration.ZERO).build());
        for (String field : List.of("name", "authenticator", "handler", "maxBodyBytes", "handlerTimeout")) {
            assertNotNull(e.fieldErrors().get(field), field);
        }
        assertThrows(ValidationException.class, () -> RateLimit.perMinute(0));
    }
}
