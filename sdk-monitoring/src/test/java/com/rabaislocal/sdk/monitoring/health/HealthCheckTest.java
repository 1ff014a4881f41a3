package com.rabaislocal.sdk.monitoring.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Checks are bounded, never throw, and say why in words without secrets. */
class HealthCheckTest {

    private static final String KEY = "sb_publishable_" + "k".repeat(32);

    @Test
    void aProbeThatHangsIsDownAtTheTimeout() {
        HealthCheck hang = HealthCheck.of("openai", Duration.ofMillis(200), () -> {
            Thread.sleep(10_000);
            return HealthCheck.Outcome.up("never");
        });
        HealthResult r = hang.check();
        assertEquals(HealthStatus.DOWN, r.status());
        assertEquals("no answer within 200 ms", r.reason());
    }

    @Test
    void aProbeThatThrowsIsDownWithTheExceptionInWords() {
        HealthCheck failing = HealthCheck.of("mailersend", Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("mailersend answered HTTP 401: Unauthenticated.");
        });
        HealthResult r = failing.check();
        assertEquals(HealthStatus.DOWN, r.status());
        assertTrue(r.reason().startsWith("IllegalStateException: mailersend answered HTTP 401"), r.reason());
        assertThrows(IllegalArgumentException.class, () -> HealthCheck.of("x", Duration.ZERO,
                () -> HealthCheck.Outcome.up("")));
    }

    @Test
    void theSupabaseCheckCallsTheDataApiAndAuthAndReportsTheRoundTrip() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                    .body("[{\"id\":\"8f14e45f-ceea-4a1e-9b7f-5c3e1f2d9a10\"}]").build());
            server.enqueue(new MockResponse.Builder().body("{\"name\":\"GoTrue\"}").build());
            try (SupabaseClient client = SupabaseClient.builder().url(server.url("/").toString().replaceAll("/$", ""))
                    .apiKey(CredentialProvider.of(KEY)).retryPolicy(RetryPolicy.none()).build()) {
                HealthResult r = ServiceHealthChecks.supabase(client, "offers", Duration.ofSeconds(5),
                        Duration.ofSeconds(5)).check();
                assertEquals(HealthStatus.UP, r.status(), r.reason());
                assertTrue(r.details().containsKey("database_round_trip_ms"));
                RecordedRequest data = server.takeRequest(1, TimeUnit.SECONDS);
                assertEquals("GET", data.getMethod());
                assertEquals("/rest/v1/offers?select=id&limit=1", data.getTarget());
                assertEquals(KEY, data.getHeaders().get("apikey"));
                RecordedRequest auth = server.takeRequest(1, TimeUnit.SECONDS);
                assertEquals("/auth/v1/health", auth.getTarget());

                server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                        .body("{\"message\":\"Invalid API key\",\"hint\":\"Double check your Supabase `anon` or"
                                + " `service_role` API key.\"}").build());
                HealthResult down = ServiceHealthChecks.supabase(client, "offers", Duration.ofSeconds(5),
                        Duration.ofSeconds(5)).check();
                assertEquals(HealthStatus.DOWN, down.status());
                assertTrue(down.reason().startsWith(AuthenticationException.class.getSimpleName()), down.reason());
                assertFalse(down.reason().contains(KEY), "no key in the reason");
                assertFalse(down.toString().contains(KEY));
                Map<String, Object> none = down.details();
                assertTrue(none.isEmpty());
            }
        }
    }
}
