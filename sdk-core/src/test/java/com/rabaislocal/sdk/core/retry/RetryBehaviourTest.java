package com.rabaislocal.sdk.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.SdkResponse;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures the service client retries, at the wire: every retryable status and I/O failure is repeated, no
 * other status is, and a write that is not safe to repeat never reaches the server twice.
 */
class RetryBehaviourTest {

    private static final String ERROR_BODY = "{\"message\":\"try again\"}";

    private MockWebServer server;
    private SdkHttpClient transport;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5))
                .build();
        sleeper = RecordingSleeper.create();
    }

    @AfterEach
    void stop() throws IOException {
        transport.close();
        server.shutdown();
    }

    private ServiceClient client(RetryPolicy policy) {
        return ServiceClient.builder().service("acme").baseUrl(server.url("/v1/")).transport(transport)
                .retryPolicy(policy).idempotencyKeyHeader("Idempotency-Key").retryCountHeader("X-Retry-Count")
                .build();
    }

    private ServiceClient client() {
        return client(sleeper.policy().minJitter(1.0).build());
    }

    private static MockResponse status(int code) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(ERROR_BODY);
    }

    private static MockResponse ok() {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"id\":7}");
    }

    private static SdkRequest get() {
        return SdkRequest.builder("GET", "/items").build();
    }

    private static SdkRequest post() {
        return SdkRequest.builder("POST", "/orders").jsonBody(java.util.Map.of("sku", "A-1")).build();
    }

    private List<RecordedRequest> taken(int n) throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS));
        }
        return out;
    }

    @ParameterizedTest(name = "HTTP {0} is retried until the answer is good")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void retryableStatusIsRetriedUntilSuccess(int code) {
        server.enqueue(status(code));
        server.enqueue(status(code));
        server.enqueue(ok());

        SdkResponse r = client().execute(get());

        assertEquals(200, r.status());
        assertEquals("{\"id\":7}", r.bodyString());
        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(500L, 1000L), sleeper.delaysMillis());
    }

    @ParameterizedTest(name = "HTTP {0} is retried maxRetries times, then thrown")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void retryableStatusGivesUpAfterMaxRetries(int code) {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(code));
        }

        ApiException e = assertThrows(ApiException.class, () -> client().execute(get()));

        assertEquals(code, e.httpStatus());
        assertTrue(e.retryable(), "the status is one the policy retries");
        assertEquals(3, server.getRequestCount(), "1 attempt + 2 retries, never a 4th");
        assertEquals(2, sleeper.count());
    }

    @ParameterizedTest(name = "HTTP {0} is not retried")
    @ValueSource(ints = {400, 401, 403, 404, 405, 406, 409, 410, 412, 422, 501, 505})
    void otherStatusIsNotRetried(int code) {
        server.enqueue(status(code));
        server.enqueue(ok());

        ApiException e = assertThrows(ApiException.class, () -> client().execute(get()));

        assertEquals(code, e.httpStatus());
        assertFalse(e.retryable());
        assertEquals(1, server.getRequestCount());
        assertEquals(0, sleeper.count());
    }

    @ParameterizedTest(name = "{0} on a GET is retried")
    @EnumSource(value = SocketPolicy.class, names = {"DISCONNECT_AFTER_REQUEST", "DISCONNECT_AT_START",
        "DISCONNECT_DURING_RESPONSE_BODY"})
    void ioFailureOnIdempotentRequestIsRetried(SocketPolicy policy) {
        server.enqueue(ok().setSocketPolicy(policy));
        server.enqueue(ok().setSocketPolicy(policy));
        server.enqueue(ok());

        SdkResponse r = client().execute(get());

        assertEquals("{\"id\":7}", r.bodyString());
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeper.count());
    }

    @Test
    void ioFailureGivesUpWithTransportExceptionAfterMaxRetries() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        }

        TransportException e = assertThrows(TransportException.class, () -> client().execute(get()));

        assertFalse(e instanceof RequestTimeoutException, "a reset connection is not a timeout");
        assertEquals("acme", e.service());
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getMessage().contains("GET /items"), e.getMessage());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void ioFailureIsNotRetriedWhenThePolicySaysSo() {
        server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(ok());

        assertThrows(TransportException.class,
                () -> client(sleeper.policy().retryOnIoFailure(false).build()).execute(get()));

        assertEquals(1, server.getRequestCount());
        assertEquals(0, sleeper.count());
    }

    @Test
    void connectionRefusedIsRetriedThenReported() throws IOException {
        String refusedUrl = "http://127.0.0.1:" + closedPort() + "/v1/";
        ServiceClient refused = client().withOptions(b -> b.baseUrl(refusedUrl));

        TransportException e = assertThrows(TransportException.class, () -> refused.execute(get()));

        assertInstanceOf(ConnectException.class, e.getCause());
        assertEquals(2, sleeper.count(), "two retries after the refused first attempt");
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    }

    @Test
    void connectionRefusedPostIsRetriedBecauseNothingWasSent() throws IOException {
        String refusedUrl = "http://127.0.0.1:" + closedPort() + "/v1/";
        ServiceClient refused = client().withOptions(b -> b.baseUrl(refusedUrl));

        TransportException e = assertThrows(TransportException.class, () -> refused.execute(post()));

        assertInstanceOf(ConnectException.class, e.getCause());
        assertEquals(2, sleeper.count());
    }

    @Test
    void postWithoutKeyIsSentOnceOnRetryableStatus() {
        server.enqueue(status(503));
        server.enqueue(ok());

        ServerException e = assertThrows(ServerException.class, () -> client().execute(post()));

        assertEquals(503, e.httpStatus());
        assertTrue(e.retryable(), "503 is retryable in itself; the request is what is not repeatable");
        assertEquals(1, server.getRequestCount());
        assertEquals(0, sleeper.count());
    }

    @Test
    void postWithoutKeyIsRetriedOnAStatusSayingTheServiceDidNotActOnIt() {
        RetryPolicy policy = sleeper.policy().minJitter(1.0).unprocessedStatuses(java.util.Set.of(429)).build();
        server.enqueue(status(429));
        server.enqueue(ok());
        server.enqueue(status(503));

        assertEquals(200, client(policy).execute(post()).status());
        assertEquals(2, server.getRequestCount());
        assertThrows(ServerException.class, () -> client(policy).execute(post()));
        assertEquals(3, server.getRequestCount(), "503 is not declared unprocessed: the POST is sent once");
        assertEquals(1, sleeper.count());
    }

    @Test
    void unprocessedStatusesMustBeRetryable() {
        com.rabaislocal.sdk.core.error.ValidationException e = assertThrows(
                com.rabaislocal.sdk.core.error.ValidationException.class,
                () -> RetryPolicy.builder().retryableStatuses(java.util.Set.of(503))
                        .unprocessedStatuses(java.util.Set.of(421)).build());
        assertTrue(e.fieldErrors().containsKey("unprocessedStatuses"), e.getMessage());
    }

    @Test
    void postWithoutKeyIsSentOnceWhenTheConnectionDropsAfterSending() {
        server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(ok());

        TransportException e = assertThrows(TransportException.class, () -> client().execute(post()));

        assertTrue(e.getMessage().contains("POST /orders"), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertEquals(0, sleeper.count());
    }

    @Test
    void patchWithoutKeyIsSentOnce() {
        server.enqueue(status(502));
        server.enqueue(ok());

        assertThrows(ServerException.class, () -> client().execute(
                SdkRequest.builder("PATCH", "/orders/1").jsonBody(java.util.Map.of("qty", 2)).build()));

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void postWithIdempotencyKeyIsRetriedWithTheSameKeyOnEveryAttempt() throws InterruptedException {
        server.enqueue(status(503));
        server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(ok());

        SdkRequest keyed = post().toBuilder().idempotencyKey("order-2025-0042").build();
        SdkResponse r = client().execute(keyed);

        assertEquals(200, r.status());
        assertEquals(3, server.getRequestCount());
        List<RecordedRequest> sent = taken(3);
        for (RecordedRequest req : sent) {
            assertEquals("POST", req.getMethod());
            assertEquals("/v1/orders", req.getPath());
            assertEquals("order-2025-0042", req.getHeader("Idempotency-Key"));
            assertEquals("{\"sku\":\"A-1\"}", req.getBody().readUtf8(), "every attempt sends the same bytes");
        }
        assertNull(sent.get(0).getHeader("X-Retry-Count"), "the first attempt is not a retry");
        assertEquals("1", sent.get(1).getHeader("X-Retry-Count"));
        assertEquals("2", sent.get(2).getHeader("X-Retry-Count"));
    }

    @Test
    void idempotencyKeyDoesNotMakeAPostRetryableWhenTheClientCannotSendIt() {
        server.enqueue(status(503));
        server.enqueue(ok());
        ServiceClient noKeyHeader = client().withOptions(b -> b.idempotencyKeyHeader(null));

        assertThrows(ServerException.class,
                () -> noKeyHeader.execute(post().toBuilder().idempotencyKey("order-2025-0043").build()));

        assertEquals(1, server.getRequestCount(), "a key the service never sees deduplicates nothing");
    }

    @Test
    void postDeclaredRepeatableIsRetriedWithoutAKeyHeader() throws InterruptedException {
        server.enqueue(status(500));
        server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(ok());

        SdkResponse r = client().execute(post().toBuilder().repeatable(true).build());

        assertEquals(200, r.status());
        assertEquals(3, server.getRequestCount());
        for (RecordedRequest req : taken(3)) {
            assertNull(req.getHeader("Idempotency-Key"), "no key was declared");
        }
    }

    @Test
    void deleteDeclaredNotRepeatableIsSentOnce() {
        server.enqueue(status(503));
        server.enqueue(ok());

        assertThrows(ServerException.class,
                () -> client().execute(SdkRequest.builder("DELETE", "/items/9").repeatable(false).build()));

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void putAndDeleteAreRetriedByDefault() {
        server.enqueue(status(503));
        server.enqueue(ok());
        server.enqueue(status(504));
        server.enqueue(ok());

        assertEquals(200, client().execute(SdkRequest.builder("PUT", "/items/9").body("x", "text/plain").build())
                .status());
        assertEquals(200, client().execute(SdkRequest.builder("DELETE", "/items/9").build()).status());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void maxRetriesZeroSendsOnce() {
        server.enqueue(status(503));

        assertThrows(ServerException.class, () -> client(sleeper.policy().maxRetries(0).build()).execute(get()));

        assertEquals(1, server.getRequestCount());

        server.enqueue(status(503));
        server.enqueue(ok());
        assertThrows(ServerException.class, () -> client(RetryPolicy.none()).execute(get()),
                "none() never retries either");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void retryableStatusesCanBeTuned() {
        RetryPolicy onlyConflicts = sleeper.policy().retryableStatuses(Set.of(409)).build();
        server.enqueue(status(409));
        server.enqueue(ok());
        server.enqueue(status(503));
        server.enqueue(ok());

        assertEquals(200, client(onlyConflicts).execute(get()).status());
        ServerException e = assertThrows(ServerException.class, () -> client(onlyConflicts).execute(get()));

        assertFalse(e.retryable(), "503 is not in this policy's list");
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void eachRetryLogsExactlyOneWarnWithAttemptAndDelay() {
        server.enqueue(status(503));
        server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(ok());

        try (LogCapture logs = LogCapture.sdk()) {
            client().execute(get());

            List<String> warns = logs.at("WARN");
            assertEquals(2, warns.size(), warns.toString());
            for (String w : warns) {
                assertTrue(w.startsWith("WARN com.rabaislocal.sdk.retry "), w);
                assertTrue(w.contains("acme GET /items"), w);
            }
            assertTrue(warns.get(0).contains("(HTTP 503); retry 1 of 2 in 500 ms"), warns.get(0));
            assertTrue(warns.get(1).contains("retry 2 of 2 in 1000 ms"), warns.get(1));
            assertTrue(warns.get(1).contains("IOException"), "names the failure: " + warns.get(1));
        }
    }

    @Test
    void noWarnWhenNothingIsRetried() {
        server.enqueue(status(404));
        server.enqueue(ok());

        try (LogCapture logs = LogCapture.sdk()) {
            assertThrows(ApiException.class, () -> client().execute(get()));
            client().execute(get());

            assertEquals(List.of(), logs.at("WARN"));
        }
    }

    @Test
    void exhaustedRetriesLogOneWarnPerRetryNotPerAttempt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(500));
        }
        try (LogCapture logs = LogCapture.sdk()) {
            assertThrows(ServerException.class, () -> client().execute(get()));

            assertEquals(2, logs.at("WARN").size(), logs.text());
        }
    }

    @Test
    void anInterruptedWaitEndsTheCallAndKeepsTheInterrupt() {
        server.enqueue(status(503));
        server.enqueue(ok());
        RetryPolicy interrupted = sleeper.policy().sleeper(d -> {
            throw new InterruptedException("shutting down");
        }).build();

        try {
            com.rabaislocal.sdk.core.error.RabaisSdkException e = assertThrows(
                    com.rabaislocal.sdk.core.error.RabaisSdkException.class, () -> client(interrupted).execute(get()));

            assertEquals("acme GET /items: interrupted while waiting to retry", e.getMessage());
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller to see");
            assertEquals(1, server.getRequestCount());
        } finally {
            Thread.interrupted();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
