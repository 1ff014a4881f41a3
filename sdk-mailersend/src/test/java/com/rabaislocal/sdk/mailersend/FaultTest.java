package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.mailersend.bulk.BulkSendException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class FaultTest extends WireTestBase {

    private MailerSendClient bounded() {
        return builder().retryPolicy(RetryPolicy.none()).deadline(Duration.ofMillis(800)).build();
    }

    @Test
    void aStallAfterHeadersEndsByTheDeadline() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[]}")
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        try (MailerSendClient c = bounded()) {
            assertThrows(RequestTimeoutException.class, () -> c.templates().page(ListParams.all(), 1));
        }
    }

    @Test
    void aTrickledBodyEndsByTheDeadline() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[" + "{\"id\":\"t1\"},".repeat(50)
                + "{\"id\":\"t2\"}]}").throttleBody(4, 100, TimeUnit.MILLISECONDS).build());
        try (MailerSendClient c = bounded()) {
            assertThrows(RequestTimeoutException.class, () -> c.templates().page(ListParams.all(), 1));
        }
    }

    @Test
    void aStalledSendEndsByTheDeadline() {
        server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Message-Id", MESSAGE_ID)
                .body("{\"warnings\":[]}").onResponseBody(SocketEffect.Stall.INSTANCE).build());
        try (MailerSendClient c = bounded()) {
            assertThrows(RequestTimeoutException.class,
                    () -> c.emails().send(EmailServiceWireTest.simple("a@example.com")));
        }
    }

    @Test
    void aCutBodyIsATransportFailureOrAnUnreadableAnswer() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}]}")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (MailerSendClient c = bounded()) {
            RabaisSdkException e = assertThrows(RabaisSdkException.class,
                    () -> c.templates().page(ListParams.all(), 1));
            assertTrue(e instanceof TransportException || e instanceof UnexpectedResponseException,
                    e.getClass().getName());
        }
    }

    @Test
    void successesOfTheWrongShapeAreUnexpectedResponses() {
        enqueue("<html>maintenance</html>");
        assertThrows(UnexpectedResponseException.class, () -> client.templates().page(ListParams.all(), 1));
        enqueue("{\"data\":{\"id\":\"x\"}}");
        assertThrows(UnexpectedResponseException.class, () -> client.templates().page(ListParams.all(), 1));
        enqueue("{\"data\":[{\"name\":\"no id\"}]}");
        assertThrows(UnexpectedResponseException.class, () -> client.templates().page(ListParams.all(), 1));
        enqueue("{\"quota\":\"lots\"}");
        assertThrows(UnexpectedResponseException.class, () -> client.apiQuota().get());
        enqueue(202, "{\"message\":\"The bulk email is being processed.\"}");
        BulkSendException e = assertThrows(BulkSendException.class,
                () -> client.bulkEmails().send(List.of(EmailServiceWireTest.simple("a@example.com"))));
        assertTrue(e.getCause() instanceof UnexpectedResponseException);
    }
}
