package com.rabaislocal.sdk.supabase.postgrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads retry on 503, 520 and I/O failures; writes only when repeating them is harmless. */
class RetryTest {

    private final MockSupabase mock = new MockSupabase();
    private final SupabaseClient supabase = mock.client();

    @AfterEach
    void close() {
        mock.close();
    }

    private void unavailable() {
        mock.json(503, "{\"code\":\"PGRST002\",\"message\":\"Could not query the database for the schema cache.\"}");
    }

    @Test
    void aReadIsRetriedWithBackoffAndTheRetryCountHeader() {
        unavailable();
        mock.enqueue(new MockResponse().setResponseCode(520).setBody("<html><title>520</title></html>"));
        mock.json(200, "[{\"id\":1}]");
        assertEquals(1, supabase.from("offers").select().execute().rows().size());
        assertNull(mock.take().getHeader("X-Retry-Count"));
        assertEquals("1", mock.take().getHeader("X-Retry-Count"));
        assertEquals("2", mock.take().getHeader("X-Retry-Count"));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), mock.sleeps());
    }

    @Test
    void retryAfterIsHonoured() {
        mock.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "5").setBody("{}"));
        mock.json(200, "[]");
        supabase.from("offers").select().execute();
        assertEquals(List.of(Duration.ofSeconds(5)), mock.sleeps());
    }

    @Test
    void aReadGivesUpAfterThreeRetries() {
        for (int i = 0; i < 4; i++) {
            unavailable();
        }
        ServerException e = assertThrows(ServerException.class, () -> supabase.from("offers").select().execute());
        assertEquals("PGRST002", e.code().orElseThrow());
        assertEquals(4, mock.requestCount());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), mock.sleeps());
    }

    @Test
    void otherServerErrorsAreNotRetried() {
        mock.json(500, "{\"code\":\"XX000\",\"message\":\"internal\"}");
        assertThrows(ServerException.class, () -> supabase.from("offers").select().execute());
        assertEquals(1, mock.requestCount());
    }

    @Test
    void anIoFailureOnAReadIsRetried() {
        mock.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        mock.json(200, "[]");
        supabase.from("offers").select().execute();
        assertEquals(2, mock.requestCount());
    }

    @Test
    void insertUpdateDeleteAndPostRpcAreSentOnce() {
        unavailable();
        assertThrows(ServerException.class, () -> supabase.from("offers").insert(Map.of("id", 1)).execute());
        unavailable();
        assertThrows(ServerException.class, () -> supabase.from("offers").update(Map.of("a", 1)).eq("id", 1)
                .execute());
        unavailable();
        assertThrows(ServerException.class, () -> supabase.from("offers").delete().eq("id", 1).execute());
        unavailable();
        assertThrows(ServerException.class, () -> supabase.rpc("bump").execute());
        unavailable();
        assertThrows(ServerException.class, () -> supabase.from("offers").upsert(Map.of("id", 1)).execute(),
                "an upsert without a named conflict key may insert twice");
        unavailable();
        assertThrows(ServerException.class, () -> supabase.from("offers").upsert(List.of(Map.of("id", 1),
                Map.of("name", "no key"))).onConflict("id").execute(), "a row without its key may insert twice");
        assertEquals(6, mock.requestCount());
        assertEquals(List.of(), mock.sleeps());
    }

    @Test
    void anUpsertOnANamedKeyPresentInEveryRowIsRetried() {
        unavailable();
        mock.json(201, "");
        supabase.from("offers").upsert(List.of(Map.of("id", 1, "t", "a"), Map.of("id", 2, "t", "b")))
                .onConflict("id").ignoreDuplicates().execute();
        assertEquals(2, mock.requestCount());
        String first = mock.take().getBody().readUtf8();
        RecordedRequest retry = mock.take();
        assertEquals("1", retry.getHeader("X-Retry-Count"));
        assertEquals(first, retry.getBody().readUtf8(), "a retry sends the same bytes");
        assertEquals("id", retry.getRequestUrl().queryParameter("on_conflict"));
    }

    @Test
    void getRpcIsRetriedAndNoRetryTurnsItOff() {
        unavailable();
        mock.json(200, "3");
        assertEquals(3, supabase.rpc("count_offers").get().value(Integer.class));
        assertEquals(2, mock.requestCount());
        unavailable();
        assertThrows(ServerException.class, () -> supabase.from("offers").select().noRetry().execute());
        assertEquals(3, mock.requestCount());
    }
}
