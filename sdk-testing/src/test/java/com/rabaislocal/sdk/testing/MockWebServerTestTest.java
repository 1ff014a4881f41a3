package com.rabaislocal.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The base class gives a server, a transport and a sleeper that records retries instead of waiting. */
class MockWebServerTestTest extends MockWebServerTest {

    @Override
    protected Duration takeTimeout() {
        return Duration.ofMillis(300);
    }

    private ServiceClient client(int maxRetries) {
        return ServiceClient.builder().service("acme").baseUrl(baseUrl("/v1/")).transport(transport)
                .retryPolicy(retryPolicy().maxRetries(maxRetries).minJitter(1.0).build()).build();
    }

    @Test
    void aRetriedCallIsRecordedNotWaitedAndTheRequestIsAtTheWire() throws Exception {
        enqueue(503, "busy");
        enqueueJson(200, "{\"ok\":true}");

        Map<?, ?> answer = client(2).execute(SdkRequest.builder("GET", "/things").query("limit", "5").build(), Map.class);

        assertEquals(Map.of("ok", true), answer);
        assertEquals(List.of(Duration.ofMillis(500)), sleeper.delays());
        assertEquals(FakeClock.DEFAULT_START.plusMillis(500), clock().instant());
        RecordedRequest first = takeRequest();
        assertEquals("/v1/things", first.getUrl().encodedPath());
        assertEquals("5", first.getUrl().queryParameter("limit"));
        assertEquals("/v1/things", takeRequest().getUrl().encodedPath());
    }

    @Test
    void takeRequestFailsClearlyWhenNothingArrives() {
        enqueue(500, "down");
        assertThrows(ServerException.class,
                () -> client(0).execute(SdkRequest.builder("GET", "/things").build(), Map.class));
        assertEquals(List.of(), sleeper.delays(), "no retry with maxRetries 0");
        AssertionError e = assertThrows(AssertionError.class, () -> {
            takeRequest(); // the one call
            takeRequest(); // nothing else was sent
        });
        assertEquals("no request reached the server within 300 ms", e.getMessage());
    }
}
