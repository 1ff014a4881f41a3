package com.rabaislocal.sdk.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.core.testing.MockServiceTest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The call's deadline and the per-attempt timeout: no wait outlives the deadline, time spent in attempts counts
 * against it, and an attempt that takes too long ends in {@link RequestTimeoutException}.
 *
 * <p>Waits between attempts go through a recording sleeper on a fake clock. The per-attempt timeouts are real
 * (OkHttp enforces them) but short, and nothing asserts on elapsed time.
 */
class DeadlineTest extends MockServiceTest {

    /** Far beyond every per-attempt timeout used here; short enough not to hold up the server's shutdown. */
    private static final long SLOW_MS = 1_000;
    private static final Duration SHORT = Duration.ofMillis(150);

    private static SdkRequest get() {
        return SdkRequest.builder("GET", "/reports").build();
    }

    private static MockResponse ok() {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"rows\":3}");
    }

    @Test
    void aHintBeyondTheDeadlineEndsTheCallWithoutSleeping() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30")
                .setBody("{\"message\":\"rate limited\"}"));
        server.enqueue(ok());

        try (LogCapture logs = LogCapture.sdk()) {
            RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
                    () -> client(sleeper.policy().deadline(Duration.ofSeconds(10))).execute(get()));

            assertEquals(List.of(), sleeper.delays(), "no point waiting 30 s when 10 s remain");
            assertEquals(1, server.getRequestCount());
            assertEquals("acme", e.service());
            RateLimitException cause = assertInstanceOf(RateLimitException.class, e.getCause(),
                    "the answer that could not be retried is kept as the cause");
            assertEquals(429, cause.httpStatus());
            assertTrue(e.getMessage().contains("GET /reports"), e.getMessage());
            assertTrue(e.getMessage().contains("deadline of 10000 ms"), e.getMessage());
            assertTrue(e.getMessage().contains("next wait 30000 ms"), e.getMessage());
            assertEquals(List.of(), logs.at("WARN"), "no retry happened, so no retry is announced");
        }
    }

    @Test
    void theRequestDeadlineOverridesThePolicy() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "10"));
        ServiceClient client = client(sleeper.policy().deadline(Duration.ofSeconds(60)));

        assertThrows(RequestTimeoutException.class,
                () -> client.execute(get().toBuilder().deadline(Duration.ofSeconds(5)).build()));
        assertEquals(List.of(), sleeper.delays());

        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "10"));
        server.enqueue(ok());
        ServiceClient strict = client(sleeper.policy().deadline(Duration.ofSeconds(5)));
        assertEquals(200, strict.execute(get().toBuilder().deadline(Duration.ofSeconds(30)).build()).status(),
                "a longer request deadline allows the 10 s wait the policy alone would not");
        assertEquals(List.of(Duration.ofSeconds(10)), sleeper.delays());
    }

    @Test
    void aWaitThatWouldEndExactlyAtTheDeadlineIsNotTaken() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "10"));
        server.enqueue(ok());

        assertThrows(RequestTimeoutException.class,
                () -> client(sleeper.policy().deadline(Duration.ofSeconds(10))).execute(get()));

        assertEquals(List.of(), sleeper.delays(), "waking at the deadline would leave no time for the attempt");
        assertEquals(1, server.getRequestCount());
    }

    // Waits of 875, 1750, 3500, then 7000 ms; each deadline leaves the last attempt more than a real second, so
    // that attempt is answered rather than cut short by its own time limit even on a busy machine.
    @ParameterizedTest(name = "deadline {0} ms")
    @ValueSource(ints = {2_000, 4_000, 8_000, 15_000, 23_000, 30_000, 45_000, 52_000})
    void theTotalSleepNeverExceedsTheDeadline(int millis) {
        server.setDispatcher(always(new MockResponse().setResponseCode(503)));
        Duration deadline = Duration.ofMillis(millis);

        RequestTimeoutException e = assertThrows(RequestTimeoutException.class, () -> client(sleeper.policy()
                .maxRetries(10).initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(8))
                .random(() -> 0.5).deadline(deadline)).execute(get()));

        assertTrue(sleeper.total().compareTo(deadline) < 0,
                "slept " + sleeper.total() + " within a deadline of " + deadline);
        assertEquals(sleeper.count() + 1, server.getRequestCount());
        assertInstanceOf(ServerException.class, e.getCause());
    }

    @Test
    void backoffIsCutShortByTheDeadline() {
        server.setDispatcher(always(new MockResponse().setResponseCode(503)));

        assertThrows(RequestTimeoutException.class, () -> client(sleeper.policy().maxRetries(10)
                .initialBackoff(Duration.ofSeconds(1)).minJitter(1.0).deadline(Duration.ofSeconds(10)))
                .execute(get()));

        // 1 + 2 + 4 = 7 s slept; the next 8 s would end after the 10 s deadline
        assertEquals(List.of(1000L, 2000L, 4000L), sleeper.delaysMillis());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void timeSpentInAttemptsCountsAgainstTheDeadline() {
        // Each answer takes 4 s on the fake clock: attempt 1 ends at 4 s, the 1 s wait ends at 5 s, attempt 2 ends
        // at 9 s, and a 2 s wait would end at 11 s, past the 10 s deadline.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                sleeper.clock().advance(Duration.ofSeconds(4));
                return new MockResponse().setResponseCode(502);
            }
        });

        assertThrows(RequestTimeoutException.class, () -> client(sleeper.policy().maxRetries(10)
                .initialBackoff(Duration.ofSeconds(1)).minJitter(1.0).deadline(Duration.ofSeconds(10)))
                .execute(get()));

        assertEquals(List.of(1000L), sleeper.delaysMillis());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void theLastAttemptIsLimitedToTheTimeLeft() {
        // The first answer uses 9.85 s of a 10 s deadline; the retry then has 150 ms, and the server is slower.
        server.setDispatcher(new Dispatcher() {
            private int calls;

            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                if (++calls == 1) {
                    sleeper.clock().advance(Duration.ofMillis(9_850));
                    return new MockResponse().setResponseCode(503).setHeader("Retry-After-Ms", "0");
                }
                return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
            }
        });

        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
                () -> client(sleeper.policy().deadline(Duration.ofSeconds(10))).execute(get()));

        assertInstanceOf(InterruptedIOException.class, e.getCause());
        assertEquals(List.of(Duration.ZERO), sleeper.delays());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aSlowHeaderEndsInRequestTimeout() {
        server.enqueue(ok().setHeadersDelay(SLOW_MS, TimeUnit.MILLISECONDS));

        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
                () -> client(sleeper.policy().maxRetries(0)).withOptions(b -> b.timeout(SHORT)).execute(get()));

        assertInstanceOf(InterruptedIOException.class, e.getCause());
        assertTrue(e.getMessage().contains("acme GET /reports timed out"), e.getMessage());
    }

    /**
     * Headers and the first bytes at once, the rest slowly. (MockWebServer flushes headers together with the body,
     * so a plain body delay would hold the headers back too and test the wrong phase.)
     */
    private static MockResponse slowBody() {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"rows\":[" + "1,".repeat(20) + "1]}").throttleBody(8, SLOW_MS, TimeUnit.MILLISECONDS);
    }

    @Test
    void aSlowBodyEndsInRequestTimeout() {
        server.enqueue(slowBody());

        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
                () -> client(sleeper.policy().maxRetries(0)).execute(get().toBuilder().timeout(SHORT).build()));

        assertInstanceOf(InterruptedIOException.class, e.getCause());
        assertTrue(e.getMessage().contains("acme GET /reports timed out"), e.getMessage());
    }

    @Test
    void aSlowBodyBoundToATypeEndsInRequestTimeout() {
        server.enqueue(slowBody());

        assertThrows(RequestTimeoutException.class, () -> client(sleeper.policy().maxRetries(0))
                .execute(get().toBuilder().timeout(SHORT).build(), Map.class));
    }

    @Test
    void aSlowBodyOfAGetIsRetried() {
        server.enqueue(slowBody());
        server.enqueue(ok());

        assertEquals(3, client(sleeper.policy()).execute(get().toBuilder().timeout(Duration.ofSeconds(1)).build(),
                Map.class).get("rows"));
        assertEquals(2, server.getRequestCount());
        assertEquals(1, sleeper.count());
    }

    @Test
    void theDeadlineBoundsAWholeBodyButNotAStreamBeingRead() throws IOException {
        // 150 ms of deadline on the fake clock becomes the real limit of the attempt; the body takes longer.
        ServiceClient client = client(sleeper.policy().maxRetries(0).deadline(SHORT));
        MockResponse slow = new MockResponse().setBody("0123456789".repeat(3))
                .throttleBody(10, 200, TimeUnit.MILLISECONDS);
        server.enqueue(slow);
        server.enqueue(slow);

        assertThrows(RequestTimeoutException.class, () -> client.execute(get()));
        try (var stream = client.stream(get())) {
            assertEquals("0123456789".repeat(3), new String(stream.body().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8), "once its headers are in, a stream is the caller's");
        }
    }

    @Test
    void theTransportReadTimeoutEndsInRequestTimeout() {
        server.enqueue(ok().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (SdkHttpClient impatient = SdkHttpClient.builder().readTimeout(SHORT).build()) {
            ServiceClient client = client(sleeper.policy().maxRetries(0)).withOptions(b -> b.transport(impatient));

            RequestTimeoutException e = assertThrows(RequestTimeoutException.class, () -> client.execute(get()));

            assertInstanceOf(java.net.SocketTimeoutException.class, e.getCause());
        }
    }

    @Test
    void aTimedOutGetIsRetried() {
        server.enqueue(ok().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(ok());

        // A limit generous enough for the second attempt to be answered in time on a busy machine.
        assertEquals("{\"rows\":3}", client(sleeper.policy()).withOptions(b -> b.timeout(Duration.ofSeconds(1)))
                .execute(get()).bodyString());

        assertEquals(2, server.getRequestCount());
        assertEquals(1, sleeper.count());
    }

    @Test
    void timeoutsOnEveryAttemptEndInRequestTimeoutNamingTheAttempts() {
        server.setDispatcher(always(ok().setSocketPolicy(SocketPolicy.NO_RESPONSE)));

        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
                () -> client(sleeper.policy().maxRetries(1)).withOptions(b -> b.timeout(SHORT)).execute(get()));

        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aTimedOutPostWithoutKeyIsNotRetried() {
        server.enqueue(ok().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(ok());

        assertThrows(RequestTimeoutException.class, () -> client(sleeper.policy()).withOptions(b -> b.timeout(SHORT))
                .execute(SdkRequest.builder("POST", "/reports").jsonBody(Map.of("month", "2025-03")).build()));

        assertEquals(1, server.getRequestCount(), "the server may have acted on it: never send it twice");
        assertEquals(0, sleeper.count());
    }

    private static Dispatcher always(MockResponse response) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        };
    }
}
