package com.rabaislocal.sdk.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.make.scenarios.RunParams;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {

    private final MakeWire wire;

    RetryTest() throws Exception {
        wire = new MakeWire();
    }

    @AfterEach
    void close() throws Exception {
        wire.close();
    }

    @Test
    void aReadIsRetriedOn429WaitingUntilTheReset() {
        long reset = wire.clock.instant().getEpochSecond() + 12;
        wire.server.enqueue(new MockResponse.Builder().code(429).addHeader("x-ratelimit-reset", Long.toString(reset))
                .body("Requests limit for organization exceeded, please try again later.").build());
        wire.enqueue(503, "{\"detail\":\"Service unavailable\",\"code\":\"SC503\"}");
        wire.enqueue(200, "{\"scenario\":{\"id\":5}}");
        assertEquals(5, wire.client.scenarios().get(5).id());
        assertEquals(3, wire.server.getRequestCount());
        assertEquals(Duration.ofSeconds(12), wire.sleeper.delays().get(0));
        assertEquals(2, wire.sleeper.count());
    }

    @Test
    void a500IsNotRetried() {
        wire.enqueue(500, "{\"detail\":\"Internal error\",\"code\":\"SC500\"}");
        assertThrows(ServerException.class, () -> wire.client.scenarios().get(5));
        assertEquals(1, wire.server.getRequestCount());
    }

    @Test
    void aRunIsNeverRetried() {
        wire.enqueue(503, "{\"detail\":\"Service unavailable\",\"code\":\"SC503\"}");
        wire.enqueue(200, "{\"executionId\":\"0123456789abcdef0123456789abcdef\"}");
        assertThrows(ServerException.class, () -> wire.client.scenarios().run(5, RunParams.defaults()));
        assertEquals(1, wire.server.getRequestCount());
    }

    @Test
    void aRunWhoseAnswerTimesOutIsSentOnce() throws Exception {
        MakeClient quick = wire.client.withOptions(b -> b.timeout(Duration.ofMillis(300)));
        wire.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .headersDelay(3, TimeUnit.SECONDS).body("{\"executionId\":\"0123456789abcdef0123456789abcdef\"}")
                .build());
        wire.enqueue(200, "{\"executionId\":\"0123456789abcdef0123456789abcdef\"}");
        assertThrows(RequestTimeoutException.class, () -> quick.scenarios().run(5));
        assertEquals(1, wire.server.getRequestCount());
        assertEquals(List.of(), wire.sleeper.delays());
    }

    @Test
    void activationIsRetriedSinceItSetsAState() {
        wire.enqueue(502, "<html><title>502 Bad Gateway</title></html>");
        wire.enqueue(200, "{\"scenario\":{\"id\":5,\"isActive\":true}}");
        assertEquals(true, wire.client.scenarios().activate(5).active());
        assertEquals(2, wire.server.getRequestCount());
    }
}
