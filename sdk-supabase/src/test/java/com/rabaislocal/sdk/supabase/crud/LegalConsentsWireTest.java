package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.eventId;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.line;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.rowId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.tables.ConsentType;
import com.rabaislocal.sdk.supabase.tables.LegalConsent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Consent recording: grant and refuse as audited inserts, revoke once (the grant stays), state and history. */
class LegalConsentsWireTest {

    private static final UUID USER = UUID.fromString(CrudKit.USER_ID);

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private static Map<String, Object> consent(UUID id, String type, String version, boolean granted, String grantedAt,
                                               String revokedAt) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id.toString());
        row.put("user_id", CrudKit.USER_ID);
        row.put("consent_type", type);
        row.put("version", version);
        row.put("granted", granted);
        row.put("granted_at", grantedAt);
        row.put("revoked_at", revokedAt);
        row.put("ip", CrudKit.IP);
        row.put("user_agent", "okhttp/4.12.0");
        return row;
    }

    @Test
    void aGrantIsAnIdempotentAuditedInsertForTheSignedInUser() {
        kit.json(201, List.of(consent(rowId(1), "terms", "2026-01", true, "2026-03-01T12:00:00+00:00", null)));

        LegalConsent c = kit.user().legalConsents().grant(ConsentType.of("terms"), "2026-01");

        assertTrue(c.isActive());
        RecordedRequest r = kit.take();
        assertEquals("POST /rest/v1/legal_consents?on_conflict=id", line(r));
        assertEquals(CrudKit.json("{\"id\":\"" + rowId(1) + "\",\"user_id\":\"" + CrudKit.USER_ID + "\","
                + "\"consent_type\":\"terms\",\"version\":\"2026-01\",\"granted\":true}"), CrudKit.body(r));
        assertEquals(eventId(1).toString(), r.getHeader("X-Audit-Event-Id"));
        AuditEvent e = kit.onlyEvent();
        assertEquals(AuditEvent.INSERT, e.action());
        assertEquals("legal_consents", e.entityType());
        assertEquals(true, e.changes().after().get("granted"));
    }

    @Test
    void aRefusalIsRecordedAsAFalseDecision() {
        kit.json(201, List.of(consent(rowId(1), "marketing", "v3", false, "2026-03-01T12:00:00+00:00", null)));
        LegalConsent c = kit.user().legalConsents().refuse(USER, ConsentType.of("marketing"), "v3");
        assertFalse(c.isActive());
        assertEquals(false, CrudKit.body(kit.take()).get("granted").asBoolean());
    }

    @Test
    void grantingWithoutASignedInUserNeedsAUserIdAndBadArgumentsAreRefusedBeforeSending() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> kit.service().legalConsents().grant(ConsentType.of("terms"), "2026-01"));
        assertTrue(e.getMessage().contains("service_role"), e.getMessage());
        ValidationException args = assertThrows(ValidationException.class,
                () -> kit.user().legalConsents().grant(null, ConsentType.of("Terms"), " "));
        assertEquals(List.of("userId", "consentType", "version"), List.copyOf(args.fieldErrors().keySet()));
        assertEquals(0, kit.mock.requestCount());
    }

    @Test
    void aRevocationStampsTheGrantOnceAndKeepsIt() {
        kit.json(200, List.of(consent(rowId(1), "marketing", "v3", true, "2026-02-01T00:00:00+00:00",
                "2026-03-01T12:00:00+00:00")));

        LegalConsent revoked = kit.user().legalConsents().revoke(rowId(1));

        assertFalse(revoked.isActive());
        assertEquals(true, revoked.granted(), "the grant stays on record");
        RecordedRequest r = kit.take();
        assertEquals("PATCH /rest/v1/legal_consents?id=eq." + rowId(1) + "&revoked_at=is.null", line(r));
        assertEquals(CrudKit.json("{\"revoked_at\":\"now\"}"), CrudKit.body(r));
        AuditEvent e = kit.onlyEvent();
        assertEquals(AuditEvent.UPDATE, e.action(), "the database's trigger names it an update too");
        assertEquals(Map.of("revoked_at", "2026-03-01T12:00:00+00:00"), e.changes().after());
    }

    @Test
    void revokingTwiceChangesNothingAndARefusalCannotBeRevoked() {
        kit.json(200, "[]");
        kit.json(200, List.of(consent(rowId(1), "marketing", "v3", true, "2026-02-01T00:00:00+00:00",
                "2026-02-02T00:00:00+00:00")));
        assertFalse(kit.user().legalConsents().revoke(rowId(1)).isActive());
        assertEquals(0, kit.sink.calls());

        kit.json(403, "{\"code\":\"42501\",\"message\":\"legal_consents: only a granted consent can be revoked"
                + " (consent " + rowId(2) + " was refused)\"}");
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> kit.user().legalConsents().revoke(rowId(2)));
        assertTrue(e.getMessage().contains("only a granted consent"), e.getMessage());
        assertEquals(0, kit.sink.calls());
    }

    @Test
    void theCurrentStateIsTheLatestDecisionPerType() {
        kit.json(200, List.of(
                consent(rowId(3), "marketing", "v3", true, "2026-02-10T00:00:00+00:00", "2026-02-11T00:00:00+00:00"),
                consent(rowId(2), "marketing", "v2", true, "2026-01-10T00:00:00+00:00", null),
                consent(rowId(1), "terms", "2026-01", true, "2026-01-01T00:00:00+00:00", null)));

        Map<ConsentType, LegalConsent> state = kit.user().legalConsents().currentState(USER);

        assertEquals(List.of(ConsentType.MARKETING, ConsentType.TERMS), List.copyOf(state.keySet()));
        assertFalse(state.get(ConsentType.MARKETING).isActive(), "the latest marketing decision was withdrawn");
        assertTrue(state.get(ConsentType.TERMS).isActive());

        kit.json(200, List.of(consent(rowId(3), "marketing", "v3", true, "2026-02-10T00:00:00+00:00", null)));
        assertEquals(rowId(3), kit.user().legalConsents().current(USER, ConsentType.MARKETING)
                .orElseThrow().id());
        kit.take();
        assertEquals("GET /rest/v1/legal_consents?select=*&user_id=eq." + USER + "&consent_type=eq.marketing"
                + "&order=granted_at.desc&limit=1", line(kit.take()));
    }

    @Test
    void revokeCurrentWithdrawsTheConsentInForceOnly() {
        kit.json(200, List.of(consent(rowId(3), "marketing", "v3", true, "2026-02-10T00:00:00+00:00", null)));
        kit.json(200, List.of(consent(rowId(3), "marketing", "v3", true, "2026-02-10T00:00:00+00:00",
                "2026-03-01T12:00:00+00:00")));
        assertEquals(rowId(3), kit.user().legalConsents().revokeCurrent(USER, ConsentType.of("marketing")).orElseThrow().id());
        assertEquals(1, kit.sink.events().size());

        kit.json(200, List.of(consent(rowId(4), "privacy", "v1", false, "2026-02-10T00:00:00+00:00", null)));
        assertTrue(kit.user().legalConsents().revokeCurrent(USER, ConsentType.of("privacy")).isEmpty(), "a refusal is not in force");
        assertEquals(3, kit.mock.requestCount());
    }
}
