package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.eventId;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.line;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.offerRow;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.rowId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.tables.AppRole;
import com.rabaislocal.sdk.supabase.tables.ConsentType;
import com.rabaislocal.sdk.supabase.tables.LegalConsent;
import com.rabaislocal.sdk.supabase.tables.Offer;
import com.rabaislocal.sdk.supabase.tables.OfferStatus;
import com.rabaislocal.sdk.supabase.tables.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Insert with retry: an idempotent write of an SDK-chosen id, audited once, never a second row. */
class InsertTest {

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private static Offer newOffer() {
        return Offer.builder().merchantId(UUID.fromString(CrudKit.USER_ID)).title("Pizza")
                .discountPercent(new BigDecimal("20")).status(OfferStatus.ACTIVE).city("Sherbrooke").build();
    }

    private void assertInsertRequest(RecordedRequest r, UUID id, UUID event) {
        assertEquals("POST /rest/v1/offers?on_conflict=id", line(r));
        assertEquals("return=representation,resolution=ignore-duplicates", r.getHeader("Prefer"));
        assertEquals(event.toString(), r.getHeader("X-Audit-Event-Id"));
        assertEquals(CrudKit.REQUEST_ID, r.getHeader("X-Request-Id"));
        assertEquals(CrudKit.IP, r.getHeader("X-Forwarded-For"));
        assertEquals("Bearer " + com.rabaislocal.sdk.supabase.testing.MockSupabase.USER_JWT,
                r.getHeader("Authorization"));
        // Only the row's non-null writable columns, id first; no created_at, updated_at, deleted_*.
        assertEquals(CrudKit.json("{\"id\":\"" + id + "\",\"merchant_id\":\"" + CrudKit.USER_ID + "\","
                + "\"title\":\"Pizza\",\"discount_percent\":20,\"status\":\"active\",\"city\":\"Sherbrooke\"}"),
                CrudKit.body(r));
    }

    @Test
    void anInsertSendsAnIdempotentWriteOfAnSdkChosenIdAndEmitsOneEvent() {
        kit.json(201, List.of(offerRow(rowId(1), "Pizza")));

        Offer stored = kit.user().offers().insert(newOffer());

        assertEquals(rowId(1), stored.id());
        assertEquals(0, new BigDecimal("20").compareTo(stored.discountPercent()));
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), stored.startsAt());
        assertInsertRequest(kit.take(), rowId(1), eventId(1));

        AuditEvent e = kit.onlyEvent();
        assertEquals(eventId(1), e.eventId());
        assertEquals(AuditEvent.INSERT, e.action());
        assertEquals("offers", e.entityType());
        assertEquals(rowId(1).toString(), e.entityId());
        assertEquals(CrudKit.USER_ID, e.actorId());
        assertEquals("authenticated", e.actorRole());
        assertEquals(CrudKit.IP, e.sourceIp());
        assertEquals(CrudKit.REQUEST_ID, e.requestId());
        assertEquals(CrudKit.NOW, e.occurredAt());
        assertTrue(e.changes().before().isEmpty());
        // The stored row's non-null columns, as the database's audit trigger records an insert.
        assertEquals(List.of("id", "merchant_id", "title", "discount_percent", "starts_at", "status", "city",
                "created_at", "updated_at"), List.copyOf(e.changes().after().keySet()));
        assertEquals("Pizza", e.changes().after().get("title"));
    }

    @Test
    void aRetryAfterA503SendsTheSameIdAndEventAndReportsOneRow() {
        kit.json(503, "{\"code\":\"PGRST002\",\"message\":\"Could not query the database for the schema cache.\"}");
        kit.json(201, List.of(offerRow(rowId(1), "Pizza")));

        Offer stored = kit.user().offers().insert(newOffer());

        assertEquals(rowId(1), stored.id());
        assertEquals(2, kit.mock.requestCount());
        RecordedRequest first = kit.take();
        RecordedRequest second = kit.take();
        assertInsertRequest(first, rowId(1), eventId(1));
        assertInsertRequest(second, rowId(1), eventId(1));
        assertEquals("1", second.getHeader("X-Retry-Count"));
        assertEquals(List.of(Duration.ofSeconds(1)), kit.mock.sleeps());
        assertEquals(eventId(1), kit.onlyEvent().eventId());
    }

    @Test
    void aRetryAfterALostAnswerFindsTheRowTheFirstAttemptStoredAndCountsItOnce() {
        // The first attempt reached the database, but the connection dropped before the answer: the retry inserts
        // nothing (ignore-duplicates answers []), and the repository reads the row that is there.
        kit.mock.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        kit.json(201, "[]");
        kit.json(200, List.of(offerRow(rowId(1), "Pizza")));

        Offer stored = kit.user().offers().insert(newOffer());

        assertEquals(rowId(1), stored.id());
        assertEquals("Pizza", stored.title());
        assertInsertRequest(kit.take(), rowId(1), eventId(1));
        assertInsertRequest(kit.take(), rowId(1), eventId(1));
        RecordedRequest read = kit.take();
        assertEquals("GET /rest/v1/offers?select=*&id=eq." + rowId(1) + "&limit=2", line(read));
        assertNull(read.getHeader("X-Audit-Event-Id"));
        assertEquals(3, kit.mock.requestCount());
        AuditEvent e = kit.onlyEvent();
        assertEquals(eventId(1), e.eventId(), "the same event the first attempt named, so logs_audit keeps one row");
        assertEquals("Pizza", e.changes().after().get("title"));
    }

    @Test
    void anIdHeldByAnotherRowIsAConflictNeverAnOverwrite() {
        kit.json(201, "[]");
        kit.json(200, List.of(offerRow(rowId(7), "Someone else's pizza")));

        RowConflictException e = assertThrows(RowConflictException.class,
                () -> kit.user().offers().insert(newOffer().toBuilder().id(rowId(7)).build()));

        assertEquals(List.of("title"), e.differingColumns());
        assertEquals("offers", e.table());
        assertTrue(e.getMessage().contains("never overwrites"), e.getMessage());
        assertEquals(0, kit.sink.events().size());
    }

    @Test
    void anIdHeldByARowThisClientCannotSeeIsAConflict() {
        kit.json(201, "[]");
        kit.json(200, "[]");
        RowConflictException e = assertThrows(RowConflictException.class,
                () -> kit.user().offers().insert(newOffer().toBuilder().id(rowId(7)).build()));
        assertEquals(List.of(), e.differingColumns());
        assertEquals(0, kit.sink.events().size());
    }

    @Test
    void aRefusedInsertEmitsNoEvent() {
        kit.json(403, "{\"code\":\"42501\",\"message\":\"new row violates row-level security policy for table"
                + " \\\"offers\\\"\",\"details\":null,\"hint\":null}");
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> kit.user().offers().insert(newOffer()));
        assertEquals("42501", e.code().orElseThrow());
        assertEquals(1, kit.mock.requestCount(), "a refusal is not retried");
        assertEquals(0, kit.sink.events().size());
    }

    @Test
    void aProfileIsNamedByTheCallerNeverByARandomId() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> kit.service().users().insert(User.builder().email("a@example.com").build()));
        assertTrue(e.fieldErrors().containsKey("id"), e.getMessage());
        assertEquals(0, kit.mock.requestCount());

        UUID authUser = UUID.randomUUID();
        kit.json(201, List.of(Map.of("id", authUser.toString(), "email", "a@example.com", "role", "consumer",
                "created_at", "2026-03-01T12:00:00+00:00", "updated_at", "2026-03-01T12:00:00+00:00")));
        User stored = kit.service().users().insert(User.builder().id(authUser).email("a@example.com").build());
        assertEquals(AppRole.CONSUMER, stored.role());
        JsonNode body = CrudKit.body(kit.take());
        assertEquals(CrudKit.json("{\"id\":\"" + authUser + "\",\"email\":\"a@example.com\"}"), body);
        AuditEvent event = kit.onlyEvent();
        assertNull(event.actorId(), "the service role acts as no user");
        assertEquals("service_role", event.actorRole());
        assertNull(event.sourceIp());
    }

    @Test
    void aRepeatedConsentDecisionIsNotAConflictThoughTheDatabaseStampedItsOwnTimeAndAddress() {
        UUID user = UUID.fromString(CrudKit.USER_ID);
        kit.json(201, "[]");
        kit.json(200, List.of(Map.of("id", rowId(1).toString(), "user_id", CrudKit.USER_ID, "consent_type", "terms",
                "version", "2026-01", "granted", true, "granted_at", "2026-03-01T12:00:01+00:00",
                "ip", "198.51.100.1", "user_agent", "curl/8")));
        LegalConsent c = kit.user().legalConsents().insert(LegalConsent.builder().userId(user).consentType(ConsentType.of("terms"))
                .version("2026-01").granted(true).ip(CrudKit.IP).build());
        assertEquals("198.51.100.1", c.ip());
        assertEquals(1, kit.sink.events().size());
    }
}
