package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * logs_audit.event_id: the audit trigger and log_audit_event() store the event id a request names in
 * X-Audit-Event-Id, a second write of the same event id is skipped, and a bad header never fails the request.
 * Also the SQL side of the CRUD template's idempotent insert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEventIdTest {

    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension();

    private Api api;
    private UUID merchant;

    @BeforeAll
    void setUp() throws SQLException {
        api = DB.api();
        merchant = People.signUp(api, "merchant-" + UUID.randomUUID() + "@example.test", "merchant");
    }

    private static Map<String, String> eventHeader(String value) {
        return Map.of("x-audit-event-id", value, "x-request-id", "req-7");
    }

    /** The offer insert as PostgREST runs the CRUD template's POST ...?on_conflict=id with ignore-duplicates. */
    private List<Map<String, Object>> insertOffer(Api.Caller caller, UUID id, String title) throws SQLException {
        return caller.rows("insert into offers (id, merchant_id, title, discount_percent, status, city)"
                + " values (?, ?, ?, 20, 'active', 'Sherbrooke') on conflict (id) do nothing returning *",
                id, merchant, title);
    }

    private List<Map<String, Object>> trail(UUID offer) throws SQLException {
        return api.owner().rows("select * from logs_audit where entity_type = 'offers' and entity_id = ? order by id",
                offer.toString());
    }

    /** The row the SDK's LogsAuditSink sends for an event, as PostgREST runs it (on_conflict=event_id, ignore). */
    private int sinkWrite(UUID eventId, String action, UUID entity) throws SQLException {
        return api.serviceRole().update("insert into logs_audit (event_id, occurred_at, actor_id, actor_role, action,"
                + " entity_type, entity_id, changes, ip, request_id) values (?, now(), ?, 'authenticated', ?,"
                + " 'offers', ?, '{\"title\": {\"new\": \"x\"}}', '203.0.113.9', 'req-7')"
                + " on conflict (event_id) do nothing", eventId, merchant, action, entity.toString());
    }

    @Test
    void theTriggerStoresTheEventIdTheRequestNames() throws SQLException {
        UUID event = UUID.randomUUID();
        UUID offer = UUID.randomUUID();
        insertOffer(api.user(merchant).withHeaders(eventHeader(event.toString())), offer, "Pizza");

        List<Map<String, Object>> trail = trail(offer);
        assertEquals(1, trail.size());
        assertEquals(event, trail.get(0).get("event_id"));
        assertEquals("insert", trail.get(0).get("action"));
        assertEquals("req-7", trail.get(0).get("request_id"));

        UUID update = UUID.randomUUID();
        api.user(merchant).withHeaders(eventHeader(" " + update.toString().toUpperCase(java.util.Locale.ROOT) + " "))
                .update("update offers set title = 'Pizza 2' where id = ?", offer);
        assertEquals(update, trail(offer).get(1).get("event_id"), "upper case and spaces around are accepted");
    }

    @Test
    void theSdkCopyOfAnEventTheTriggerStoredIsSkipped() throws SQLException {
        UUID event = UUID.randomUUID();
        UUID offer = UUID.randomUUID();
        insertOffer(api.user(merchant).withHeaders(eventHeader(event.toString())), offer, "Pizza");

        assertEquals(0, sinkWrite(event, "insert", offer), "the same event id is not stored twice");
        assertEquals(0, sinkWrite(event, "insert", offer), "nor three times (a replay from the spool)");
        assertEquals(1L, api.owner().value("select count(*) from logs_audit where event_id = ?", event));
        assertEquals(1, trail(offer).size());
    }

    @Test
    void anEventWrittenFirstByTheSinkIsStoredOnce() throws SQLException {
        UUID event = UUID.randomUUID();
        UUID entity = UUID.randomUUID();
        assertEquals(1, sinkWrite(event, "export", entity));
        assertEquals(0, sinkWrite(event, "export", entity));
        assertEquals(1L, api.owner().value("select count(*) from logs_audit where event_id = ?", event));
    }

    @Test
    void aMissingOrMalformedHeaderNeverFailsTheMutationAndGetsAFreshId() throws SQLException {
        for (String bad : new String[] {"not-a-uuid", "", "'; drop table logs_audit; --",
                "6f1c2a3b-0000-0000-0000-00000000000g", "{6f1c2a3b-0000-0000-0000-000000000000}"}) {
            UUID offer = UUID.randomUUID();
            assertEquals(1, insertOffer(api.user(merchant).withHeaders(eventHeader(bad)), offer, "Pizza").size(), bad);
            Map<String, Object> row = trail(offer).get(0);
            assertNotNull(row.get("event_id"), bad);
        }
        UUID offer = UUID.randomUUID();
        insertOffer(api.user(merchant), offer, "No header");
        assertNotNull(trail(offer).get(0).get("event_id"));
    }

    @Test
    void aStatementChangingSeveralRowsLogsEveryRowTheFirstUnderTheNamedId() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        insertOffer(api.user(merchant), a, "Multi A");
        insertOffer(api.user(merchant), b, "Multi B");
        UUID event = UUID.randomUUID();
        assertEquals(2, api.user(merchant).withHeaders(eventHeader(event.toString()))
                .update("update offers set city = 'Magog' where id in (?, ?)", a, b));

        List<Map<String, Object>> updates = api.owner().rows("select event_id from logs_audit where action = 'update'"
                + " and entity_id in (?, ?)", a.toString(), b.toString());
        assertEquals(2, updates.size());
        assertEquals(1, updates.stream().filter(r -> event.equals(r.get("event_id"))).count());
        assertNotEquals(updates.get(0).get("event_id"), updates.get(1).get("event_id"));
    }

    @Test
    void logAuditEventStoresTheNamedEventIdOnce() throws SQLException {
        UUID event = UUID.randomUUID();
        Api.Caller caller = api.user(merchant).withHeaders(eventHeader(event.toString()));
        Map<String, Object> first = caller.rows("select * from log_audit_event('export_requested', 'users', ?)",
                merchant.toString()).get(0);
        assertEquals(event, first.get("event_id"));
        Map<String, Object> second = caller.rows("select * from log_audit_event('export_requested', 'users', ?)",
                merchant.toString()).get(0);
        assertNotEquals(event, second.get("event_id"), "a reused header gets a fresh id rather than failing");
        assertEquals(1L, api.owner().value("select count(*) from logs_audit where event_id = ?", event));
    }

    @Test
    void usersCannotCallTheRowWriterDirectly() throws SQLException {
        for (Api.Caller caller : List.of(api.user(merchant), api.serviceRole(), api.anon())) {
            assertEquals("42501", caller.failure("select append_audit_row(null, 'x', 'forged', 'offers', null,"
                    + " '{}')").getSQLState());
        }
    }

    @Test
    void aRepeatedIdempotentInsertLeavesOneRowAndOneAuditRow() throws SQLException {
        UUID offer = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        Api.Caller caller = api.user(merchant).withHeaders(eventHeader(event.toString()));
        assertEquals(1, insertOffer(caller, offer, "Retried pizza").size());
        assertEquals(0, insertOffer(caller, offer, "Retried pizza").size(), "the repeat inserts nothing");

        assertEquals(1L, api.owner().value("select count(*) from offers where id = ?", offer));
        List<Map<String, Object>> trail = trail(offer);
        assertEquals(1, trail.size(), "the repeat fires no audit trigger");
        assertEquals(event, trail.get(0).get("event_id"));
        assertEquals(1, api.user(merchant).rows("select * from offers where id = ?", offer).size());
    }
}
