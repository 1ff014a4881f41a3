package com.rabaislocal.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.core.testing.MockServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The server's wait hint: parsed from {@code Retry-After-Ms} or {@code Retry-After} (seconds or HTTP-date), and
 * honoured at the wire in place of the backoff formula, capped at {@code maxRetryAfter}.
 */
class RetryAfterTest {

    private static final Instant NOW = FakeClock.DEFAULT_START;

    private static String httpDate(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    @Nested
    class Parsing {

        @Test
        void secondsAreRead() {
            assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(null, "7", NOW));
            assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(null, "  7 ", NOW));
            assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(null, "0", NOW));
            assertEquals(Optional.of(Duration.ofMillis(1500)), RetryAfter.parse(null, "1.5", NOW));
        }

        @Test
        void anHttpDateIsReadRelativeToNow() {
            String date = httpDate(NOW.plusSeconds(42));

            assertEquals("Fri, 14 Mar 2025 12:00:42 GMT", date);
            assertEquals(Optional.of(Duration.ofSeconds(42)), RetryAfter.parse(null, date, NOW));
            assertEquals(Optional.of(Duration.ofSeconds(2)), RetryAfter.parse(null, date, NOW.plusSeconds(40)));
        }

        @Test
        void aDateInThePastMeansNoWait() {
            assertEquals(Optional.of(Duration.ZERO),
                    RetryAfter.parse(null, "Fri, 14 Mar 2025 11:59:00 GMT", NOW));
        }

        @Test
        void millisecondsWinOverRetryAfter() {
            assertEquals(Optional.of(Duration.ofMillis(250)), RetryAfter.parse("250", "30", NOW));
            assertEquals(Optional.of(Duration.ofNanos(1_500_000)), RetryAfter.parse("1.5", null, NOW));
        }

        @Test
        void unreadableMillisecondsFallBackToRetryAfter() {
            assertEquals(Optional.of(Duration.ofSeconds(3)), RetryAfter.parse("soon", "3", NOW));
            assertEquals(Optional.of(Duration.ofSeconds(3)), RetryAfter.parse("-10", "3", NOW));
        }

        @Test
        void absentOrUnreadableHintsAreEmpty() {
            assertEquals(Optional.empty(), RetryAfter.parse(null, null, NOW));
            assertEquals(Optional.empty(), RetryAfter.parse(null, "  ", NOW));
            assertEquals(Optional.empty(), RetryAfter.parse(null, "later", NOW));
            assertEquals(Optional.empty(), RetryAfter.parse(null, "-5", NOW));
            assertEquals(Optional.empty(), RetryAfter.parse(null, "Infinity", NOW));
            assertEquals(Optional.empty(), RetryAfter.parse("NaN", null, NOW));
            assertEquals(Optional.empty(), RetryAfter.parse(null, "2025-03-14T12:00:42Z", NOW));
        }
    }

    @Nested
    class AtTheWire extends MockServiceTest {

        private ServiceClient client() {
            // Any sleep that follows the backoff formula instead of the hint would show as 375/750 ms.
            return client(sleeper.policy().random(() -> 0.0).deadline(Duration.ofMinutes(10)));
        }

        private void enqueue(int status, String header, String value) {
            server.enqueue(new MockResponse().setResponseCode(status).setHeader(header, value)
                    .setBody("{\"message\":\"slow down\"}"));
        }

        private void enqueueOk() {
            server.enqueue(new MockResponse().setBody("{}"));
        }

        private static SdkRequest get() {
            return SdkRequest.builder("GET", "/offers").build();
        }

        @Test
        void retryAfterSecondsIsWaited() {
            enqueue(429, "Retry-After", "3");
            enqueue(503, "Retry-After", "1");
            enqueueOk();

            client().execute(get());

            assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(1)), sleeper.delays());
            assertEquals(3, server.getRequestCount());
        }

        @Test
        void retryAfterHttpDateIsWaitedRelativeToTheClock() {
            enqueue(503, "Retry-After", httpDate(sleeper.clock().instant().plusSeconds(12)));
            enqueueOk();

            client().execute(get());

            assertEquals(List.of(Duration.ofSeconds(12)), sleeper.delays());
        }

        @Test
        void retryAfterHttpDateInThePastRetriesAtOnce() {
            enqueue(503, "Retry-After", httpDate(sleeper.clock().instant().minusSeconds(30)));
            enqueueOk();

            client().execute(get());

            assertEquals(List.of(Duration.ZERO), sleeper.delays());
            assertEquals(2, server.getRequestCount());
        }

        @Test
        void retryAfterMsIsWaitedAndWinsOverRetryAfter() {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After-Ms", "250")
                    .setHeader("Retry-After", "10"));
            enqueueOk();

            client().execute(get());

            assertEquals(List.of(Duration.ofMillis(250)), sleeper.delays());
        }

        @Test
        void aLongHintIsCappedAtMaxRetryAfter() {
            enqueue(429, "Retry-After", "3600");
            enqueue(503, "Retry-After", "45");
            enqueueOk();

            client(sleeper.policy().deadline(Duration.ofHours(2)).maxRetryAfter(Duration.ofSeconds(30)))
                    .execute(get());

            assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30)), sleeper.delays());
        }

        @Test
        void theDefaultCapIsSixtySeconds() {
            enqueue(429, "Retry-After", "3600");
            enqueueOk();

            client(sleeper.policy().deadline(Duration.ofHours(2))).execute(get());

            assertEquals(List.of(Duration.ofSeconds(60)), sleeper.delays());
        }

        @Test
        void withoutHintTheJitteredBackoffIsUsed() {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse().setResponseCode(503));
            }
            enqueueOk();
            Iterator<Double> randoms = List.of(0.0, 0.5, 0.999).iterator();

            client(sleeper.policy().maxRetries(3).random(randoms::next)).execute(get());

            // 500 ms * 0.75, 1000 ms * 0.875, 2000 ms * 0.99975
            assertEquals(List.of(375L, 875L, 2000L), sleeper.delaysMillis());
        }

        @Test
        void unreadableHintFallsBackToTheBackoff() {
            enqueue(503, "Retry-After", "whenever");
            enqueueOk();

            client().execute(get());

            assertEquals(List.of(375L), sleeper.delaysMillis());
        }

        @Test
        void theHintIsCarriedByTheExceptionWhenRetriesRunOut() {
            for (int i = 0; i < 3; i++) {
                enqueue(429, "Retry-After", "2");
            }

            RateLimitException e = assertThrows(RateLimitException.class, () -> client().execute(get()));

            assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
            assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeper.delays());
        }

        @Test
        void aHintDoesNotMakeANonRetryableStatusRetryable() {
            enqueue(400, "Retry-After", "1");
            enqueueOk();

            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client().execute(get()));

            assertEquals(Optional.of(Duration.ofSeconds(1)), e.error().retryAfter());
            assertEquals(1, server.getRequestCount());
            assertEquals(List.of(), sleeper.delays());
        }

        @Test
        void aHintDoesNotMakeAnUnkeyedPostRepeatable() {
            enqueue(503, "Retry-After", "1");
            enqueueOk();

            assertThrows(ServerException.class, () -> client().execute(
                    SdkRequest.builder("POST", "/orders").jsonBody(List.of(1)).build()));

            assertEquals(1, server.getRequestCount());
            assertEquals(List.of(), sleeper.delays());
        }
    }
}
