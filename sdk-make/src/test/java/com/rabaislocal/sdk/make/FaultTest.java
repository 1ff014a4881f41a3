package com.rabaislocal.sdk.make;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultTest {

    private final MakeWire wire;
    private final MakeClient strict;

    FaultTest() throws Exception {
        wire = new MakeWire();
        strict = wire.client.withOptions(b -> b.retryPolicy(RetryPolicy.none()).deadline(Duration.ofMillis(700)));
    }

    @AfterEach
    void close() throws Exception {
        wire.close();
    }

    @Test
    void aStallAfterTheHeadersEndsByTheDeadline() {
        wire.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .bodyDelay(5, TimeUnit.SECONDS).body("{\"scenario\":{\"id\":5}}").build());
        long start = System.nanoTime();
        assertThrows(RequestTimeoutException.class, () -> strict.scenarios().get(5));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4));
    }

    @Test
    void aTrickledBodyEndsByTheDeadline() {
        wire.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .throttleBody(1, 200, TimeUnit.MILLISECONDS).body("{\"scenario\":{\"id\":5,\"name\":\"long\"}}")
                .build());
        assertThrows(RequestTimeoutException.class, () -> strict.scenarios().get(5));
    }

    @Test
    void aCutBodyIsATransportFailure() {
        wire.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"scenario\":{\"id\":5,\"name\":\"abcdefghijklmnopqrstuvwxyz\"}}")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        assertThrows(TransportException.class, () -> strict.scenarios().get(5));
    }

    @Test
    void aTwoHundredThatIsNotJsonIsAnUnexpectedResponse() {
        wire.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html>maintenance</html>").build());
        assertThrows(UnexpectedResponseException.class, () -> strict.scenarios().get(5));
        wire.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("[1,2]").build());
        assertThrows(UnexpectedResponseException.class, () -> strict.scenarios().get(5));
        wire.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"scenario\":").build());
        assertThrows(UnexpectedResponseException.class, () -> strict.scenarios().get(5));
    }
}
