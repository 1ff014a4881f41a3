package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import com.rabaislocal.sdk.mailersend.emails.SendRetry;
import com.rabaislocal.sdk.mailersend.error.MailerSendValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest extends WireTestBase {

    private static final EmailSendParams EMAIL = EmailServiceWireTest.simple("a@example.com");

    @Test
    void a429IsRetriedAfterRetryAfterThenTheNextMinute() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{}").build());
        enqueue(429, "{\"message\":\"Too Many Attempts.\"}");
        enqueueAccepted();

        assertEquals(MESSAGE_ID, client.emails().send(EMAIL).messageId().orElseThrow());

        assertEquals(3, server.getRequestCount());
        // 7 s as asked; then no hint at 12:00:07: the next minute opens 53 s later, plus a second.
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(54)), sleeper.delays());
    }

    @ParameterizedTest(name = "a send is retried on HTTP {0}: MailerSend did not act on it")
    @ValueSource(ints = {421, 503})
    void maintenanceAndUnavailableAreRetriedForASend(int code) {
        enqueue(code, "{\"message\":\"Try again later.\"}");
        enqueueAccepted();
        client.emails().send(EMAIL);
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.delays());
    }

    @ParameterizedTest(name = "a send is not retried on HTTP {0} by default")
    @ValueSource(ints = {500, 502, 504, 408})
    void otherServerErrorsAreNotRetriedForASend(int code) {
        enqueue(code, "{\"message\":\"Server Error\"}");
        enqueueAccepted();
        assertThrows(com.rabaislocal.sdk.core.error.ApiException.class, () -> client.emails().send(EMAIL));
        assertEquals(1, server.getRequestCount());
        assertEquals(0, sleeper.count());
    }

    @Test
    void aCallerMayOptInToRetryUncertainFailuresPerCall() {
        enqueue(500, "{\"message\":\"Server Error\"}");
        enqueue(502, "");
        enqueueAccepted();
        client.emails().send(EMAIL, SendRetry.ALSO_UNCERTAIN);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aSendWhoseAnswerTimesOutIsSentOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Message-Id", MESSAGE_ID)
                .headersDelay(3, TimeUnit.SECONDS).build());
        enqueueAccepted();
        try (MailerSendClient quick = builder().timeout(Duration.ofMillis(300)).build()) {
            assertThrows(RequestTimeoutException.class, () -> quick.emails().send(EMAIL));
        }
        assertEquals("POST", take().getMethod());
        assertEquals(1, server.getRequestCount());
        assertEquals(0, sleeper.count());
    }

    @Test
    void aDroppedConnectionAfterSendingIsNotRetried() {
        server.enqueue(new MockResponse.Builder().code(202).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        enqueueAccepted();
        assertThrows(TransportException.class, () -> client.emails().send(EMAIL));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aConnectionRefusedBeforeSendingIsRetried() throws Exception {
        int port = server.getPort();
        server.close();
        try (MailerSendClient refused = MailerSendClient.builder().baseUrl("http://127.0.0.1:" + port + "/v1")
                .credential(com.rabaislocal.sdk.core.config.CredentialProvider.of(TOKEN)).transport(transport)
                .retryPolicy(MailerSendClient.DEFAULT_RETRY_POLICY.toBuilder().sleeper(sleeper)
                        .clock(sleeper.clock()).build()).build()) {
            assertThrows(TransportException.class, () -> refused.emails().send(EMAIL));
        }
        assertEquals(2, sleeper.count());
    }

    @Test
    void validationIsNeverRetried() {
        enqueue(422, "{\"message\":\"The given data was invalid.\",\"errors\":{\"to\":[\"The to field is required.\"]}}");
        assertThrows(MailerSendValidationException.class, () -> client.emails().send(EMAIL));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void readsAreRetriedOnServerErrors() {
        enqueue(500, "{\"message\":\"Server Error\"}");
        enqueue(504, "");
        enqueue("{\"quota\":100000,\"remaining\":99000,\"reset\":\"2026-12-03T00:00:00Z\"}");
        assertEquals(99000, client.apiQuota().get().remaining());
        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.delays());
    }

    @Test
    void retriesAreBoundedToTwo() {
        for (int i = 0; i < 4; i++) {
            enqueue(503, "{\"message\":\"Service Unavailable\"}");
        }
        assertThrows(ServerException.class, () -> client.emails().send(EMAIL));
        assertEquals(3, server.getRequestCount());
    }
}
