package com.rabaislocal.sdk.supabase.postgrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.UnexpectedStatusException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.error.SupabaseErrorParser;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Typed results, single/maybeSingle, csv, counts, row-count guards and every error family. */
class ResponseHandlingTest {

    record Offer(long id, String title, Instant createdAt, Optional<String> city) { }

    private final MockSupabase mock = new MockSupabase();
    private final SupabaseClient supabase = mock.builder(MockSupabase.ANON_JWT)
            .retryPolicy(mock.retryPolicy().maxRetries(0).build()).build();

    @AfterEach
    void close() {
        mock.close();
    }

    private static String error(String code, String message, String details, String hint) {
        return "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":"
                + (details == null ? "null" : "\"" + details + "\"") + ",\"hint\":"
                + (hint == null ? "null" : "\"" + hint + "\"") + "}";
    }

    @Test
    void rowsBindToRecordsClassesTypeReferencesAndJson() {
        String body = "[{\"id\":1,\"title\":\"Pizza\",\"createdAt\":\"2026-03-01T12:00:00Z\",\"city\":\"Laval\","
                + "\"extra\":true},{\"id\":2,\"title\":\"Café\",\"createdAt\":\"2026-03-02T08:30:00Z\",\"city\":null}]";
        mock.enqueue(new MockResponse().setBody(body).setHeader("Content-Range", "0-1/2")
                .setHeader("sb-request-id", "req-123"));
        PostgrestResult<Offer> res = supabase.from("offers").select().count(Count.EXACT).execute(Offer.class);
        assertEquals(2, res.rows().size());
        assertEquals(new Offer(1, "Pizza", Instant.parse("2026-03-01T12:00:00Z"), Optional.of("Laval")),
                res.rows().get(0));
        assertEquals(Optional.empty(), res.rows().get(1).city());
        assertEquals(2, res.count().getAsLong());
        assertEquals("0-1/2", res.contentRange().orElseThrow());
        assertEquals("req-123", res.requestId().orElseThrow());
        assertEquals(200, res.status());

        mock.json(200, body);
        List<Map<String, Object>> maps = supabase.from("offers").select().list(new TypeReference<>() { });
        assertEquals("Café", maps.get(1).get("title"));

        mock.json(200, body);
        PostgrestResult<JsonNode> raw = supabase.from("offers").select().execute();
        assertTrue(raw.rows().get(0).path("extra").asBoolean());

        mock.json(200, body);
        assertEquals(2, supabase.from("offers").select().json().size());
    }

    @Test
    void unreadableRowsNameTheCallAndTheType() {
        mock.json(200, "[{\"id\":\"not a number\"}]");
        RabaisSdkException e = assertThrows(RabaisSdkException.class,
                () -> supabase.from("offers").select().list(Offer.class));
        assertTrue(e.getMessage().contains("GET /rest/v1/offers"), e.getMessage());
        assertTrue(e.getMessage().contains("Offer"), e.getMessage());
    }

    @Test
    void singleAsksForOneObjectAndMapsPgrst116() {
        mock.json(200, "{\"id\":7,\"title\":\"Pizza\",\"createdAt\":\"2026-03-01T12:00:00Z\"}");
        Offer o = supabase.from("offers").select().eq("id", 7).single(Offer.class);
        assertEquals(7, o.id());
        RecordedRequest r = mock.take();
        assertEquals("application/vnd.pgrst.object+json", r.getHeader("Accept"));

        mock.json(406, error("PGRST116", "JSON object requested, multiple (or no) rows returned",
                "The result contains 0 rows", null));
        UnexpectedRowCountException e = assertThrows(UnexpectedRowCountException.class,
                () -> supabase.from("offers").select().eq("id", 404).single(Offer.class));
        assertEquals(0, e.actual().getAsLong());
        assertEquals("table offers", e.subject());
        assertEquals("id=eq.404", e.filters());
        assertTrue(e.getMessage().contains("expected exactly 1 row on table offers, got 0"), e.getMessage());
        assertTrue(e.getMessage().contains("id=eq.404"), e.getMessage());
        assertEquals("PGRST116", e.apiError().orElseThrow().code().orElseThrow());
        assertInstanceOf(UnexpectedStatusException.class, e.getCause());
        mock.take();

        mock.json(406, error("PGRST116", "JSON object requested, multiple (or no) rows returned",
                "Results contain 3 rows, application/vnd.pgrst.object+json requires 1 row", null));
        e = assertThrows(UnexpectedRowCountException.class,
                () -> supabase.from("offers").select().single(Offer.class));
        assertEquals(3, e.actual().getAsLong());
    }

    @Test
    void maybeSingleReadsAtMostTwoRows() {
        mock.json(200, "[]");
        assertEquals(Optional.empty(), supabase.from("offers").select().eq("id", 1).maybeSingle(Offer.class));
        RecordedRequest r = mock.take();
        assertEquals("2", r.getRequestUrl().queryParameter("limit"));
        assertEquals(null, r.getHeader("Accept"));

        mock.json(200, "[{\"id\":1,\"title\":\"A\"}]");
        assertEquals(1, supabase.from("offers").select().maybeSingle(Offer.class).orElseThrow().id());
        mock.take();

        mock.json(200, "[{\"id\":1},{\"id\":2}]");
        UnexpectedRowCountException e = assertThrows(UnexpectedRowCountException.class,
                () -> supabase.from("offers").select().eq("city", "Laval").maybeSingle(Offer.class));
        assertTrue(e.getMessage().contains("at most 1 row"), e.getMessage());
        assertTrue(e.getMessage().contains("2 or more"), e.getMessage());
        mock.take();

        mock.json(200, "[]");
        supabase.from("offers").select().limit(1).maybeSingle(Offer.class);
        assertEquals(List.of("1"), mock.take().getRequestUrl().queryParameterValues("limit"));
    }

    @Test
    void csvAsksForTextCsv() {
        mock.enqueue(new MockResponse().setHeader("Content-Type", "text/csv").setBody("id,title\n1,\"a,b\"\n"));
        assertEquals("id,title\n1,\"a,b\"\n", supabase.from("offers").select("id,title").csv());
        assertEquals("text/csv", mock.take().getHeader("Accept"));
    }

    @Test
    void expectAffectedTurnsASilentRlsNoOpIntoAnError() {
        mock.enqueue(new MockResponse().setResponseCode(204).setHeader("Content-Range", "*/0"));
        UnexpectedRowCountException e = assertThrows(UnexpectedRowCountException.class,
                () -> supabase.from("offers").update(Map.of("title", "x")).eq("id", 5).eq("owner_id", 9)
                        .expectAffected(1).execute());
        RecordedRequest r = mock.take();
        assertEquals("count=exact", r.getHeader("Prefer"));
        assertEquals(0, e.actual().getAsLong());
        assertTrue(e.getMessage().contains("PATCH /rest/v1/offers"), e.getMessage());
        assertTrue(e.getMessage().contains("id=eq.5, owner_id=eq.9"), e.getMessage());
        assertTrue(e.getMessage().contains("Row Level Security"), e.getMessage());

        mock.enqueue(new MockResponse().setResponseCode(204).setHeader("Content-Range", "*/1"));
        assertEquals(1, supabase.from("offers").delete().eq("id", 5).expectAffected(1).execute().count()
                .getAsLong());
        mock.take();

        mock.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Range", "0-1/2")
                .setBody("[{\"id\":5},{\"id\":6}]"));
        e = assertThrows(UnexpectedRowCountException.class, () -> supabase.from("offers").delete()
                .in("id", List.of(5, 6)).expectAffected(1).list(Offer.class));
        assertEquals(2, e.actual().getAsLong());
        assertEquals("return=representation,count=exact", mock.take().getHeader("Prefer"));

        mock.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Range", "*/3"));
        supabase.from("offers").insert(List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)))
                .expectAffected(3).execute();
        mock.take();
    }

    @Test
    void maxAffectedRefusalIsARowCountError() {
        mock.json(400, error("PGRST124", "Query result exceeds max-affected preference constraint",
                "The query affects 12 rows", null));
        UnexpectedRowCountException e = assertThrows(UnexpectedRowCountException.class,
                () -> supabase.from("offers").delete().eq("merchant_id", 3).maxAffected(1).execute());
        assertEquals(12, e.actual().getAsLong());
        assertInstanceOf(InvalidRequestException.class, e.getCause());
    }

    @Test
    void returningMinimalWithARowsTerminalIsRefused() {
        assertThrows(com.rabaislocal.sdk.core.error.ValidationException.class, () -> supabase.from("offers")
                .insert(Map.of("id", 1)).returning(Returning.MINIMAL).list(Offer.class));
        assertEquals(0, mock.requestCount());
    }

    @Test
    void errorFamiliesFollowThePostgrestCode() {
        mock.json(409, error("23505", "duplicate key value violates unique constraint \\\"offers_slug_key\\\"",
                "Key (slug)=(pizza) already exists.", null));
        ConflictException c = assertThrows(ConflictException.class,
                () -> supabase.from("offers").insert(Map.of("slug", "pizza")).execute());
        assertEquals("23505", c.code().orElseThrow());
        assertEquals("Key (slug)=(pizza) already exists.", c.error().details().orElseThrow());
        assertTrue(c.getMessage().contains("details: Key (slug)=(pizza) already exists."), c.getMessage());

        mock.json(401, error("42501", "permission denied for table offers", null, null));
        PermissionDeniedException p = assertThrows(PermissionDeniedException.class,
                () -> supabase.from("offers").select().execute());
        assertEquals(401, p.httpStatus());

        mock.json(403, error("42501", "new row violates row-level security policy for table \\\"offers\\\"", null,
                null));
        assertThrows(PermissionDeniedException.class, () -> supabase.from("offers").insert(Map.of("a", 1))
                .execute());

        mock.json(401, error("PGRST301", "JWSError JWSInvalidSignature", null, null));
        AuthenticationException a = assertThrows(AuthenticationException.class,
                () -> supabase.from("offers").select().execute());
        assertEquals("PGRST301", a.code().orElseThrow());

        mock.json(404, error("PGRST205", "Could not find the table 'public.ofers' in the schema cache", null,
                "Perhaps you meant the table 'public.offers'"));
        NotFoundException nf = assertThrows(NotFoundException.class, () -> supabase.from("ofers").select().execute());
        assertEquals("Perhaps you meant the table 'public.offers'", nf.error().hint().orElseThrow());
        assertTrue(nf.getMessage().contains("hint: Perhaps you meant"), nf.getMessage());

        mock.json(400, error("22P02", "invalid input syntax for type bigint: \\\"abc\\\"", null, null));
        assertThrows(InvalidRequestException.class, () -> supabase.from("offers").select().eq("id", "abc")
                .execute());

        mock.json(406, error("PGRST106", "Invalid schema: secret", null,
                "Only the following schemas are exposed: public"));
        assertThrows(InvalidRequestException.class, () -> supabase.schema("secret").from("t").select().execute());

        mock.json(300, error("PGRST201", "Could not embed because more than one relationship was found", null,
                null));
        assertThrows(InvalidRequestException.class, () -> supabase.from("offers").select("*,merchants(*)")
                .execute());

        mock.json(405, error("25006", "cannot execute UPDATE in a read-only transaction", null, null));
        assertThrows(InvalidRequestException.class, () -> supabase.rpc("bump").get().execute());

        mock.json(402, error("PT402", "Payment required", null, null));
        UnexpectedStatusException u = assertThrows(UnexpectedStatusException.class,
                () -> supabase.rpc("paid").execute());
        assertEquals(402, u.httpStatus());

        mock.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody("{\"message\":\"Too many requests\"}"));
        RateLimitException rl = assertThrows(RateLimitException.class, () -> supabase.from("offers").select()
                .execute());
        assertEquals(7, rl.retryAfter().orElseThrow().toSeconds());

        mock.json(503, error("PGRST002", "Could not query the database for the schema cache. Retrying.", null,
                null));
        ServerException s = assertThrows(ServerException.class, () -> supabase.from("offers").select().execute());
        assertTrue(s.retryable());
        assertEquals("PGRST002", s.code().orElseThrow());
    }

    @Test
    void gatewayHtmlStillGivesAClearMessage() {
        mock.enqueue(new MockResponse().setResponseCode(520).setHeader("Content-Type", "text/html")
                .setHeader("cf-ray", "8a1b2c3d4e5f-YUL")
                .setBody("<!DOCTYPE html><html><head><title>abc.supabase.co | 520: Web server is returning an"
                        + " unknown error</title></head><body><h1>Error 520</h1></body></html>"));
        ServerException e = assertThrows(ServerException.class, () -> supabase.from("offers").select().execute());
        assertEquals(520, e.httpStatus());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("520: Web server is returning an unknown error"), e.getMessage());
        assertTrue(e.getMessage().contains("gateway"), e.getMessage());
        assertFalse(e.getMessage().contains("<html"), e.getMessage());
        assertEquals("8a1b2c3d4e5f-YUL", e.requestId().orElseThrow());
        assertEquals(SupabaseErrorParser.GATEWAY_HINT, e.error().hint().orElseThrow());
    }

    @Test
    void anErrorWithJsonDetailsKeepsThemAsText() {
        mock.json(400, "{\"code\":\"P0001\",\"message\":\"offer closed\",\"details\":{\"offer\":5},\"hint\":null}");
        ApiException e = assertThrows(InvalidRequestException.class, () -> supabase.rpc("claim").execute());
        assertEquals("{\"offer\":5}", e.error().details().orElseThrow());
        assertEquals("offer closed", e.serviceMessage());
    }
}
