package com.rabaislocal.sdk.supabase.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.RecordingAuditSink;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.RecordedRequest;

/** A mock Supabase project, a recording audit sink, and CRUD templates for a user, the service role and anon. */
final class CrudKit implements AutoCloseable {

    /** The {@code sub} of {@link MockSupabase#USER_JWT}. */
    static final String USER_ID = "8d0fd2b3-9ca7-4d9e-a95f-9e13dded323e";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String IP = "203.0.113.9";
    static final String REQUEST_ID = "req-1";

    final MockSupabase mock = new MockSupabase();
    final RecordingAuditSink sink = new RecordingAuditSink();
    private final AtomicInteger rows = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();

    /** The n-th row id the templates generate (1-based). */
    static UUID rowId(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    /** The n-th audit event id the templates generate (1-based). */
    static UUID eventId(int n) {
        return UUID.fromString(String.format("e0000000-0000-4000-8000-%012d", n));
    }

    SupabaseCrud.Builder builder(SupabaseClient client) {
        return SupabaseCrud.builder().client(client).auditSink(sink)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .idGenerator(() -> rowId(rows.incrementAndGet()))
                .eventIdGenerator(() -> eventId(events.incrementAndGet()));
    }

    /** A signed-in user ({@link MockSupabase#USER_JWT}) handling a request from {@link #IP}. */
    SupabaseCrud user() {
        return builder(anonClient().withAccessToken(MockSupabase.USER_JWT))
                .requestContext(RequestContext.of(IP, REQUEST_ID)).build();
    }

    SupabaseCrud service() {
        return builder(serviceClient()).build();
    }

    SupabaseCrud anon() {
        return builder(anonClient()).build();
    }

    SupabaseClient anonClient() {
        return mock.builder(MockSupabase.ANON_JWT).build();
    }

    SupabaseClient serviceClient() {
        return SupabaseClient.serviceRoleBuilder().url(mock.url()).apiKey(CredentialProvider.of(MockSupabase.SERVICE_JWT))
                .retryPolicy(mock.retryPolicy().build()).build();
    }

    RecordedRequest take() {
        return mock.take();
    }

    void json(int status, String body) {
        mock.json(status, body);
    }

    void json(int status, Object body) {
        mock.json(status, write(body));
    }

    static String write(Object value) {
        try {
            return SdkJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(RecordedRequest r) {
        try {
            return SdkJson.mapper().readTree(r.getBody().readUtf8());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return SdkJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Method, path and decoded query, e.g. {@code PATCH /rest/v1/offers?id=eq.1}. */
    static String line(RecordedRequest r) {
        List<String> params = MockSupabase.params(r);
        return r.getMethod() + " " + r.getRequestUrl().encodedPath() + (params.isEmpty() ? ""
                : "?" + String.join("&", params));
    }

    /** A stored offer as PostgREST returns it (every column, timestamps with an offset, numeric with a scale). */
    static ObjectNode offerRow(UUID id, String title) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id.toString());
        row.put("merchant_id", USER_ID);
        row.put("title", title);
        row.put("description", null);
        row.put("discount_percent", new java.math.BigDecimal("20.00"));
        row.put("discount_amount_cents", null);
        row.put("starts_at", "2026-03-01T12:00:00+00:00");
        row.put("ends_at", null);
        row.put("status", "active");
        row.put("city", "Sherbrooke");
        row.put("created_at", "2026-03-01T12:00:00.123456+00:00");
        row.put("updated_at", "2026-03-01T12:00:00.123456+00:00");
        row.put("deleted_at", null);
        row.put("deleted_by", null);
        return SdkJson.mapper().valueToTree(row);
    }

    /** The only event recorded so far. */
    AuditEvent onlyEvent() {
        List<AuditEvent> all = sink.events();
        assertEquals(1, all.size(), "exactly one audit event: " + all);
        return all.get(0);
    }

    @Override
    public void close() {
        mock.close();
    }
}
