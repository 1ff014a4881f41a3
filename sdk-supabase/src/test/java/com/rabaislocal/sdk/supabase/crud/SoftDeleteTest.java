package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.eventId;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.line;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.offerRow;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.rowId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.supabase.postgrest.UnexpectedRowCountException;
import com.rabaislocal.sdk.supabase.tables.Offer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Soft delete and restore by PATCH, one event each; reads leave deleted rows out unless asked. */
class SoftDeleteTest {

    private static final String DELETED_AT = "2026-03-01T12:30:00.5+00:00";

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private static ObjectNode deleted(UUID id) {
        return offerRow(id, "Pizza").put("deleted_at", DELETED_AT).put("deleted_by", CrudKit.USER_ID)
                .put("updated_at", DELETED_AT);
    }

    @Test
    void aSoftDeleteIsOnePatchOfDeletedAtToTheDatabaseTimeAndOneEvent() {
        kit.json(200, List.of(deleted(rowId(1))));

        Offer gone = kit.user().offers().softDelete(rowId(1));

        assertTrue(gone.isDeleted());
        assertEquals(Instant.parse("2026-03-01T12:30:00.5Z"), gone.deletedAt());
        RecordedRequest r = kit.take();
        assertEquals("PATCH /rest/v1/offers?id=eq." + rowId(1) + "&deleted_at=is.null", line(r));
        assertEquals(CrudKit.json("{\"deleted_at\":\"now\"}"), CrudKit.body(r));
        assertEquals("return=representation", r.getHeader("Prefer"));
        assertEquals(eventId(1).toString(), r.getHeader("X-Audit-Event-Id"));
        assertEquals(1, kit.mock.requestCount(), "no read needed: the filter guarantees the previous values");

        AuditEvent e = kit.onlyEvent();
        assertEquals(AuditEvent.SOFT_DELETE, e.action());
        assertEquals(eventId(1), e.eventId());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("deleted_at", null);
        before.put("deleted_by", null);
        assertEquals(before, e.changes().before());
        assertEquals(Map.of("deleted_at", DELETED_AT, "deleted_by", CrudKit.USER_ID), e.changes().after());
    }

    @Test
    void deletingADeletedRowChangesNothingAndEmitsNothing() {
        kit.json(200, "[]");
        kit.json(200, List.of(deleted(rowId(1))));

        Offer same = kit.user().offers().softDelete(rowId(1));

        assertEquals(Instant.parse("2026-03-01T12:30:00.5Z"), same.deletedAt());
        kit.take();
        assertEquals("GET /rest/v1/offers?select=*&id=eq." + rowId(1) + "&limit=2", line(kit.take()));
        assertEquals(0, kit.sink.calls());
    }

    @Test
    void deletingAMissingRowIsNotFoundAndAVisibleButLockedRowIsARowLevelSecurityRefusal() {
        kit.json(200, "[]");
        kit.json(200, "[]");
        assertThrows(RowNotFoundException.class, () -> kit.user().offers().softDelete(rowId(1)));

        kit.json(200, "[]");
        kit.json(200, List.of(offerRow(rowId(2), "Live pizza")));
        UnexpectedRowCountException e = assertThrows(UnexpectedRowCountException.class,
                () -> kit.user().offers().softDelete(rowId(2)));
        assertTrue(e.getMessage().contains("Row Level Security"), e.getMessage());
        assertEquals(0, kit.sink.calls());
    }

    @Test
    void aRestoreReadsTheDeletedRowThenClearsDeletedAtAndEmitsOneEvent() {
        kit.json(200, List.of(deleted(rowId(1))));
        kit.json(200, List.of(offerRow(rowId(1), "Pizza").put("updated_at", "2026-03-01T13:00:00+00:00")));

        Offer back = kit.user().offers().restore(rowId(1));

        assertFalse(back.isDeleted());
        assertEquals("GET /rest/v1/offers?select=*&id=eq." + rowId(1) + "&limit=2", line(kit.take()));
        RecordedRequest patch = kit.take();
        assertEquals("PATCH /rest/v1/offers?id=eq." + rowId(1) + "&deleted_at=not.is.null", line(patch));
        assertEquals(CrudKit.json("{\"deleted_at\":null}"), CrudKit.body(patch));
        assertEquals("return=representation,count=exact", patch.getHeader("Prefer"));
        assertEquals(eventId(1).toString(), patch.getHeader("X-Audit-Event-Id"));

        AuditEvent e = kit.onlyEvent();
        assertEquals(AuditEvent.RESTORE, e.action());
        assertEquals(Map.of("deleted_at", DELETED_AT, "deleted_by", CrudKit.USER_ID), e.changes().before());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("deleted_at", null);
        after.put("deleted_by", null);
        assertEquals(after, e.changes().after());
    }

    @Test
    void restoringARowThatIsNotDeletedChangesNothing() {
        kit.json(200, List.of(offerRow(rowId(1), "Pizza")));
        assertFalse(kit.user().offers().restore(rowId(1)).isDeleted());
        assertEquals(1, kit.mock.requestCount());
        assertEquals(0, kit.sink.calls());
    }

    @Test
    void readsLeaveDeletedRowsOutUnlessAsked() {
        OffersRepository offers = kit.user().offers();
        kit.json(200, List.of(offerRow(rowId(1), "Pizza")));
        assertEquals("Pizza", offers.findById(rowId(1)).orElseThrow().title());
        assertEquals("GET /rest/v1/offers?select=*&deleted_at=is.null&id=eq." + rowId(1) + "&limit=2",
                line(kit.take()));

        kit.json(200, "[]");
        offers.list(q -> q.eq("city", "Laval").order("starts_at").limit(10));
        assertEquals("GET /rest/v1/offers?select=*&deleted_at=is.null&city=eq.Laval&order=starts_at.asc&limit=10",
                line(kit.take()));

        kit.json(200, List.of(deleted(rowId(1))));
        UUID merchant = UUID.fromString(CrudKit.USER_ID);
        assertTrue(offers.includeDeleted().listByMerchant(merchant).get(0).isDeleted());
        assertEquals("GET /rest/v1/offers?select=*&merchant_id=eq." + merchant + "&order=created_at.desc,id.asc",
                line(kit.take()));
        assertFalse(offers.includesDeleted());
        assertTrue(offers.includeDeleted().includesDeleted());

        kit.json(200, "[]");
        kit.user().aiAgents().listActive();
        assertEquals("GET /rest/v1/ai_agents?select=*&deleted_at=is.null&active=is.true&order=name.asc,id.asc",
                line(kit.take()));
        assertEquals(0, kit.sink.calls(), "reads are not audited");
    }

    @Test
    void aTableWithoutDeletedAtHasNoFilterAndNoDelete() {
        kit.json(200, "[]");
        kit.user().creditsPackages().listActive();
        assertEquals("GET /rest/v1/credits_packages?select=*&active=is.true&order=price_cents.asc,id.asc", line(kit.take()));
        kit.json(200, "[]");
        kit.user().legalConsents().history(UUID.fromString(CrudKit.USER_ID));
        assertEquals("GET /rest/v1/legal_consents?select=*&user_id=eq." + CrudKit.USER_ID
                + "&order=consent_type.asc,granted_at.desc", line(kit.take()));
        // The types say what each table allows: no softDelete/purge on consents, no write at all on the ledger.
        assertFalse(CrudRepository.class.isAssignableFrom(LegalConsentsRepository.class));
        assertFalse(AppendOnlyRepository.class.isAssignableFrom(CreditsTransactionsRepository.class));
        assertFalse(AppendOnlyRepository.class.isAssignableFrom(LogsAuditRepository.class));
        assertFalse(SoftDeleteRepository.class.isAssignableFrom(CreditsPackagesRepository.class));
        assertTrue(SoftDeleteRepository.class.isAssignableFrom(UsersRepository.class));
        assertNull(kit.sink.events().stream().findFirst().orElse(null));
    }
}
