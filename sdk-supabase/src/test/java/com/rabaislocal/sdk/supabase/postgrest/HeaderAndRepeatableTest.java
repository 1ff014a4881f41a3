package com.rabaislocal.sdk.supabase.postgrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** setHeader adds request headers the database can read; repeatable declares a write safe to resend. */
class HeaderAndRepeatableTest {

    private final MockSupabase mock = new MockSupabase();
    private final SupabaseClient supabase = mock.client();

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void aHeaderIsSentOnEveryAttemptAndReplacedWhenSetAgain() {
        mock.json(503, "{\"code\":\"PGRST002\",\"message\":\"schema cache\"}");
        mock.json(200, "[]");
        supabase.from("offers").select().eq("id", 1).setHeader("X-Request-Id", "a").setHeader("x-request-id", "b")
                .setHeader("X-Audit-Event-Id", "6f1c2a3b-0000-4000-8000-000000000001").execute();
        for (int i = 0; i < 2; i++) {
            RecordedRequest r = mock.take();
            assertEquals("b", r.getHeader("X-Request-Id"));
            assertEquals(1, r.getHeaders().values("X-Request-Id").size());
            assertEquals("6f1c2a3b-0000-4000-8000-000000000001", r.getHeader("X-Audit-Event-Id"));
        }
    }

    @Test
    void headersTheBuilderOrClientManageAndMalformedOnesAreRefused() {
        for (String managed : new String[] {"Prefer", "accept", "Content-Profile", "apikey", "Authorization", "Range"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> supabase.from("offers").select().setHeader(managed, "x"));
            assertEquals(Map.of("header", java.util.List.of(managed + " is set by the query builder or the client;"
                    + " use its dedicated method or setting instead")), e.fieldErrors());
        }
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().setHeader("X Bad", "x"));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().setHeader(null, "x"));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().setHeader("X-A", "a\r\nB: c"));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().setHeader("X-A", null));
        assertEquals(0, mock.requestCount());
    }

    @Test
    void aWriteDeclaredRepeatableIsRetriedAndOneLeftAtItsDefaultIsNot() {
        mock.json(503, "{\"code\":\"PGRST002\",\"message\":\"schema cache\"}");
        mock.json(200, "{\"id\":1}");
        supabase.rpc("spend_credits", Map.of("p_idempotency_key", "k")).repeatable(true).json();
        assertEquals(2, mock.requestCount());

        mock.json(503, "{\"code\":\"PGRST002\",\"message\":\"schema cache\"}");
        assertThrows(ServerException.class, () -> supabase.rpc("spend_credits", Map.of()).json());
        assertEquals(3, mock.requestCount());

        mock.json(503, "{\"code\":\"PGRST002\",\"message\":\"schema cache\"}");
        assertThrows(ServerException.class, () -> supabase.from("offers").select().repeatable(false).execute());
        assertEquals(4, mock.requestCount());
    }
}
