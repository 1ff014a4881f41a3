package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.postgrest.Count;
import com.rabaislocal.sdk.supabase.tables.AppRole;
import com.rabaislocal.sdk.supabase.tables.AuditLogEntry;
import com.rabaislocal.sdk.supabase.tables.CreditTransaction;
import com.rabaislocal.sdk.supabase.tables.User;
import java.util.Map;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read methods of the read-only repositories and of users: exact queries, typed rows, no audit event. */
class ReadsTest {

    private static final UUID USER = UUID.fromString(CrudKit.USER_ID);

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void theLedgerIsReadNewestFirst() {
        kit.json(200, "[{\"id\":9,\"user_id\":\"" + USER + "\",\"package_id\":null,\"kind\":\"spend\",\"delta\":-5,"
                + "\"balance_after\":95,\"reason\":\"AI\",\"idempotency_key\":\"op-1\","
                + "\"created_at\":\"2026-03-01T12:00:00+00:00\",\"added_later\":true}]");
        CreditTransaction t = kit.user().creditsTransactions().listForUser(USER, 20).get(0);
        assertEquals(9L, t.id());
        assertEquals("op-1", t.idempotencyKey());
        RecordedRequest r = kit.take();
        assertEquals("GET /rest/v1/credits_transactions?select=*&user_id=eq." + USER + "&order=id.desc&limit=20",
                line(r));
        assertEquals(CrudKit.REQUEST_ID, r.getHeader("X-Request-Id"));
        assertThrows(ValidationException.class, () -> kit.user().creditsTransactions().listForUser(USER, 0));
        assertEquals(0, kit.sink.calls());
    }

    @Test
    void theTrailIsReadByEventIdOrByEntity() {
        UUID event = CrudKit.eventId(4);
        kit.json(200, "[{\"id\":31,\"event_id\":\"" + event + "\",\"occurred_at\":\"2026-03-01T12:00:00+00:00\","
                + "\"actor_id\":\"" + USER + "\",\"actor_role\":\"merchant\",\"action\":\"update\","
                + "\"entity_type\":\"offers\",\"entity_id\":\"42\",\"changes\":{\"title\":{\"old\":\"a\",\"new\":\"b\"}},"
                + "\"ip\":\"203.0.113.9\",\"request_id\":\"req-1\"}]");
        AuditLogEntry entry = kit.user().logsAudit().findByEventId(event).orElseThrow();
        assertEquals(Map.of("old", "a", "new", "b"), entry.changes().get("title"));
        assertEquals("GET /rest/v1/logs_audit?select=*&event_id=eq." + event + "&limit=2", line(kit.take()));

        kit.json(200, "[]");
        kit.user().logsAudit().listForEntity("offers", "42");
        assertEquals("GET /rest/v1/logs_audit?select=*&entity_type=eq.offers&entity_id=eq.42&order=id.asc",
                line(kit.take()));
        assertThrows(ValidationException.class, () -> kit.user().logsAudit().listForEntity(" ", null));
    }

    @Test
    void meIsTheSignedInUsersProfileAndNobodysForTheServiceRole() {
        kit.json(200, "[{\"id\":\"" + USER + "\",\"email\":\"m@example.com\",\"role\":\"merchant\"}]");
        User me = kit.user().users().me().orElseThrow();
        assertEquals(AppRole.MERCHANT, me.role());
        assertEquals("GET /rest/v1/users?select=*&deleted_at=is.null&id=eq." + USER + "&limit=2", line(kit.take()));
        assertTrue(kit.service().users().me().isEmpty());
        assertEquals(1, kit.mock.requestCount());
    }

    @Test
    void selectGivesTheQueryBuilderWithTheSameFiltersAndHeaders() {
        kit.mock.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Range", "0-0/7"));
        assertEquals(7, kit.user().offers().select("id").eq("city", "Laval").countRows(Count.EXACT));
        RecordedRequest r = kit.take();
        assertEquals("HEAD /rest/v1/offers?select=id&deleted_at=is.null&city=eq.Laval", line(r));
        assertEquals(CrudKit.IP, r.getHeader("X-Forwarded-For"));
        assertThrows(ValidationException.class, () -> kit.user().offers().list(null));
        assertThrows(ValidationException.class, () -> kit.user().offers().findById(null));
    }
}
