package com.rabaislocal.sdk.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.listener.RequestEvent;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.supabase.auth.AuthClient;
import com.rabaislocal.sdk.supabase.auth.PasswordCredentials;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kit's options on the Supabase clients: listeners with operation names, deadline, {@code withOptions}. */
class SupabaseListenerTest {

    private final MockSupabase mock = new MockSupabase();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final RequestListener recorder = new RequestListener() {
        @Override
        public void onStart(RequestEvent e) {
            seen.add("start " + e.operation() + " " + e.method() + " " + e.path());
        }

        @Override
        public void onRetry(RequestEvent e) {
            seen.add("retry " + e.operation() + " " + e.status() + " " + e.errorFamily().orElse(""));
        }

        @Override
        public void onSuccess(RequestEvent e) {
            seen.add("success " + e.operation() + " " + e.status() + " " + e.requestId().orElse("-"));
        }

        @Override
        public void onFailure(RequestEvent e, RuntimeException error) {
            seen.add("failure " + e.operation() + " " + e.errorFamily().orElse(""));
        }
    };

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void tableCallsAreNamedForListenersWithoutTheTableOrFilters() {
        mock.json(503, "{\"code\":\"PGRST002\",\"message\":\"schema cache\"}");
        mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setHeader("x-request-id", "r-1")
                .setBody("[{\"id\":1}]"));
        mock.json(201, "[{\"id\":2}]");
        mock.json(404, "{\"code\":\"PGRST202\",\"message\":\"Could not find the function\"}");
        SupabaseClient supabase = mock.builder(MockSupabase.ANON_JWT).listener(recorder).build();

        supabase.from("offers").select("id").eq("city", "Sherbrooke").list(java.util.Map.class);
        supabase.from("offers").upsert(java.util.Map.of("id", 2)).onConflict("id").list(java.util.Map.class);
        assertThrows(NotFoundException.class, () -> supabase.rpc("missing").execute());

        assertEquals(List.of(
                "start rest.select GET /rest/v1/offers",
                "retry rest.select 503 ServerException",
                "success rest.select 200 r-1",
                "start rest.upsert POST /rest/v1/offers",
                "success rest.upsert 201 -",
                "start rest.rpc POST /rest/v1/rpc/missing",
                "failure rest.rpc NotFoundException"), seen);
    }

    @Test
    void authCallsCarryTheirOperationNames() {
        mock.json(200, "{\"access_token\":\"" + MockSupabase.USER_JWT + "\",\"token_type\":\"bearer\","
                + "\"expires_in\":3600,\"refresh_token\":\"r\",\"user\":{\"id\":\"8d0fd2b3-9ca7-4d9e-a95f-9e13dded323e\"}}");
        AuthClient auth = AuthClient.builder().url(mock.url()).apiKey(Secret.of(MockSupabase.ANON_JWT))
                .listener(recorder).build();

        auth.signInWithPassword(PasswordCredentials.email("a@example.com", Secret.of("correct horse battery")));

        assertEquals("start auth.token POST /auth/v1/token", seen.get(0));
        assertTrue(seen.get(1).startsWith("success auth.token 200"), seen.toString());
        assertFalse(String.join(" ", seen).contains("correct horse"), "no secret reaches a listener");
    }

    @Test
    void aClientDeadlineFromTheOptionsBoundsEveryCall() {
        mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("[]")
                .setBodyDelay(30, TimeUnit.SECONDS));
        SupabaseClient supabase = mock.builder(MockSupabase.ANON_JWT).deadline(Duration.ofMillis(800)).build();

        assertThrows(RequestTimeoutException.class, () -> supabase.from("offers").select().list(java.util.Map.class));
    }

    @Test
    void withOptionsDerivesAClientAndKeepsTheUserToken() throws Exception {
        mock.json(200, "[]");
        SupabaseClient base = mock.client().withAccessToken(MockSupabase.USER_JWT);

        SupabaseClient derived = base.withOptions(b -> b.listener(recorder).schema("api"));
        derived.from("offers").select().list(java.util.Map.class);

        assertNotSame(base, derived);
        assertTrue(derived.hasAccessToken());
        okhttp3.mockwebserver.RecordedRequest r = mock.take();
        assertEquals("Bearer " + MockSupabase.USER_JWT, r.getHeader("Authorization"));
        assertEquals("api", r.getHeader("Accept-Profile"));
        assertEquals(2, seen.size());
        assertFalse(base.toString().contains(MockSupabase.ANON_JWT));
    }
}
