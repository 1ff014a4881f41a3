package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateListParams;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class FaultTest extends WireTestBase {

    private GoAffProClient bounded() {
        return builder().retryPolicy(RetryPolicy.none()).deadline(Duration.ofMillis(800)).build();
    }

    @Test
    void aStallAfterHeadersEndsByTheDeadline() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"affiliates\":[]}")
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        try (GoAffProClient c = bounded()) {
            assertThrows(RequestTimeoutException.class, () -> c.affiliates().page(AffiliateListParams.all(), 0));
        }
    }

    @Test
    void aTrickledBodyEndsByTheDeadline() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"affiliates\":[" + "{\"id\":1},".repeat(50)
                + "{\"id\":2}]}").throttleBody(4, 100, TimeUnit.MILLISECONDS).build());
        try (GoAffProClient c = bounded()) {
            assertThrows(RequestTimeoutException.class, () -> c.affiliates().page(AffiliateListParams.all(), 0));
        }
    }

    @Test
    void aCutBodyIsATransportFailureOrAnUnreadableAnswer() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"affiliates\":[{\"id\":1},{\"id\":2}]}")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (GoAffProClient c = bounded()) {
            RabaisSdkException e = assertThrows(RabaisSdkException.class,
                    () -> c.affiliates().page(AffiliateListParams.all(), 0));
            assertTrue(e instanceof TransportException || e instanceof UnexpectedResponseException,
                    e.getClass().getName());
        }
    }

    @Test
    void aSuccessThatIsNotJsonIsAnUnexpectedResponse() {
        enqueue("<html>maintenance</html>");
        assertThrows(UnexpectedResponseException.class, () -> client.affiliates().page(AffiliateListParams.all(),
                0));
    }
}
