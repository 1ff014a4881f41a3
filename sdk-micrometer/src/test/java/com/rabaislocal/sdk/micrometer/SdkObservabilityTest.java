package com.rabaislocal.sdk.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.RequestAuthenticator;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.listener.RequestEvent;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Metrics and observations read back from a registry after scripted calls. */
class SdkObservabilityTest {

    private static final String KEY = "sk-acme-secret-key-0042";

    private MockWebServer server;
    private SdkHttpClient transport;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
        MDC.clear();
    }

    private ServiceClient client(RequestListener... listeners) {
        ClientOptions.Builder o = ClientOptions.builder().baseUrl(server.url("/v1").toString()).transport(transport)
                .retryPolicy(RecordingSleeper.create().policy().build());
        for (RequestListener l : listeners) {
            o.listener(l);
        }
        return ServiceClient.builder().service("acme").options(o.build())
                .authenticator(RequestAuthenticator.bearer(CredentialProvider.of(KEY))).build();
    }

    private Timer timer(String operation, String status, String outcome, String error) {
        return meters.find(SdkObservability.REQUESTS).tags("service", "acme", "operation", operation, "status", status,
                "outcome", outcome, "error", error).timer();
    }

    @Test
    void scriptedCallsGiveTimersRetriesAndDeadlinesWithLowCardinalityTags() {
        SdkObservability obs = SdkObservability.builder().meterRegistry(meters).build();
        ServiceClient c = client(obs);

        server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        c.execute(SdkRequest.builder("GET", "/offers/42").operation("offers.get").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        c.execute(SdkRequest.builder("GET", "/offers/43").operation("offers.get").build());
        server.enqueue(new MockResponse.Builder().code(404).body("{\"message\":\"no\"}").build());
        assertThrows(NotFoundException.class,
                () -> c.execute(SdkRequest.builder("GET", "/offers/44").operation("offers.get").build()));
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(3, TimeUnit.SECONDS).build());
        assertThrows(RequestTimeoutException.class, () -> c.execute(SdkRequest.builder("POST", "/offers")
                .operation("offers.create").deadline(Duration.ofMillis(200)).jsonBody(java.util.Map.of()).build()));

        assertEquals(2, timer("offers.get", "200", "success", "none").count());
        assertEquals(1, timer("offers.get", "404", "client_error", "NotFoundException").count());
        assertEquals(1, timer("offers.create", "none", "no_answer", "RequestTimeoutException").count());
        assertEquals(1.0, meters.find(SdkObservability.RETRIES).tags("service", "acme", "operation", "offers.get",
                "status", "503").counter().count());
        assertEquals(1.0, meters.find(SdkObservability.DEADLINES).tags("operation", "offers.create").counter()
                .count());
        assertEquals(0, meters.find(SdkObservability.REQUESTS + ".active").longTaskTimer().activeTasks(),
                "nothing in flight after the calls");

        for (Meter m : meters.getMeters()) {
            for (Tag t : m.getId().getTags()) {
                assertFalse(t.getValue().contains("sk-acme"), "secret in tag " + t);
                assertFalse(t.getValue().contains("/offers/4"), "path with an id in tag " + t);
            }
        }
    }

    @Test
    void observationsAreStartedAndStoppedWithTheirKeyValues() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        SdkObservability obs = SdkObservability.builder().meterRegistry(meters).observationRegistry(registry).build();
        server.enqueue(new MockResponse.Builder().body("{}").build());
        client(obs).execute(SdkRequest.builder("GET", "/ping").operation("ping").build());

        TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo(SdkObservability.REQUESTS)
                .that().hasBeenStarted().hasBeenStopped().hasContextualNameEqualTo("acme ping")
                .hasLowCardinalityKeyValue("service", "acme").hasLowCardinalityKeyValue("status", "200")
                .hasLowCardinalityKeyValue("outcome", "success");
    }

    @Test
    void percentilesAreConfigurable() {
        SdkObservability obs = SdkObservability.builder().meterRegistry(meters).percentiles(0.5, 0.99).build();
        server.enqueue(new MockResponse.Builder().body("{}").build());
        client(obs).execute(SdkRequest.builder("GET", "/ping").operation("ping").build());
        Timer t = timer("ping", "200", "success", "none");
        assertNotNull(t);
        assertEquals(2, t.takeSnapshot().percentileValues().length);
        assertThrows(ValidationException.class, () -> SdkObservability.builder().meterRegistry(meters)
                .percentiles(1.5).build());
        assertThrows(ValidationException.class, () -> SdkObservability.builder().build());
    }

    @Test
    void theMdcCarriesTheCallForItsSpanAndIsRestoredAfter() {
        List<String> seen = new ArrayList<>();
        RequestListener spy = new RequestListener() {
            @Override
            public void onRetry(RequestEvent event) {
                seen.add(MDC.get(SdkObservability.MDC_SERVICE) + "/" + MDC.get(SdkObservability.MDC_OPERATION) + "/"
                        + MDC.get(SdkObservability.MDC_REQUEST_ID));
            }
        };
        MDC.put(SdkObservability.MDC_SERVICE, "outer");
        SdkObservability obs = SdkObservability.builder().meterRegistry(meters).build();
        server.enqueue(new MockResponse.Builder().code(503).addHeader("x-request-id", "req-503").body("{}").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        client(obs, spy).execute(SdkRequest.builder("GET", "/ping").operation("ping").build());

        assertEquals(List.of("acme/ping/req-503"), seen);
        assertEquals("outer", MDC.get(SdkObservability.MDC_SERVICE), "the caller's value is back");
        assertNull(MDC.get(SdkObservability.MDC_OPERATION));
        assertNull(MDC.get(SdkObservability.MDC_REQUEST_ID));
        assertTrue(obs.toString().startsWith("SdkObservability{"));
    }
}
