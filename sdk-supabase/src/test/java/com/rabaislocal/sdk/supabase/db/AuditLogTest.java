package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** public.logs_audit: automatic trail of table changes, self-reported events, append-only for every role. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest {

    private static final Map<String, String> REQUEST = Map.of("x-forwarded-for", "203.0.113.9",
            "x-request-id", "req-42");

    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension();

    private Api api;
    private UUID merchant;
    private UUID admin;

    @BeforeAll
    void setUp() throws SQLException {
        api = DB.api();
        merchant = People.signUp(api, "merchant@example.test", "merchant");
        admin = People.signUp(api, "admin@example.test", "admin");
    }

    private static JsonNode json(Object pgJson) throws Exception {
        return SdkJson.mapper().readTree(String.valueOf(pgJson));
    }

    private UUID newOffer() throws SQLException {
        return (UUID) api.user(merchant).value("insert into offers (merchant_id, title, discount_percent, status, city)"
                + " values (?, 'Pizza', 20, 'active', 'Sherbrooke') returning id", merchant);
    }

    private List<Map<String, Object>> trail(UUID offer) throws SQLException {
        return api.owner().rows("select * from logs_audit where entity_type = 'offers' and entity_id = ?"
                + " order by id", offer.toString());
    }

    @Test
    void aChangeThroughTheApiIsLoggedWithActorRequestAndOnlyTheChangedColumns() throws Exception {
        UUID offer = newOffer();
        api.user(merchant).withHeaders(REQUEST).update("update offers set title = 'Pizza 2 pour 1',"
                + " discount_percent = 50 where id = ?", offer);

        List<Map<String, Object>> trail = trail(offer);
        assertEquals(2, trail.size());
        assertEquals("insert", trail.get(0).get("action"));
        assertEquals("Pizza", json(trail.get(0).get("changes")).at("/title/new").asText());

        Map<String, Object> update = trail.get(1);
        assertEquals("update", update.get("action"));
        assertEquals(merchant, update.get("actor_id"));
        assertEquals("merchant", update.get("actor_role"));
        assertEquals("203.0.113.9", String.valueOf(update.get("ip")));
        assertEquals("req-42", update.get("request_id"));
        JsonNode changes = json(update.get("changes"));
        assertEquals(2, changes.size(), changes.toString());
        assertEquals("Pizza", changes.at("/title/old").asText());
        assertEquals("Pizza 2 pour 1", changes.at("/title/new").asText());
        assertEquals(20, changes.at("/discount_percent/old").asInt());
        assertEquals(50, changes.at("/discount_percent/new").asInt());
    }

    @Test
    void anUpdateThatChangesNothingIsNotLoggedAndSoftDeleteAndRestoreAreNamed() throws SQLException {
        UUID offer = newOffer();
        api.user(merchant).update("update offers set title = title where id = ?", offer);
        assertEquals(1, trail(offer).size());

        api.user(merchant).update("update offers set deleted_at = now() where id = ?", offer);
        api.user(merchant).update("update offers set deleted_at = null where id = ?", offer);
        List<Map<String, Object>> trail = trail(offer);
        assertEquals(List.of("insert", "soft_delete", "restore"), trail.stream().map(r -> r.get("action")).toList());
    }

    @Test
    void theServiceRoleIsRecordedAsSuch() throws SQLException {
        UUID offer = newOffer();
        api.serviceRole().update("update offers set status = 'expired' where id = ?", offer);
        Map<String, Object> last = trail(offer).get(1);
        assertEquals(null, last.get("actor_id"));
        assertEquals("service_role", last.get("actor_role"));
    }

    @Test
    void aUserReportsEventsAboutThemselvesOnlyAndReadsOnlyTheirOwn() throws Exception {
        UUID consumer = People.signUp(api, UUID.randomUUID() + "@example.test", "consumer");
        Map<String, Object> event = api.user(consumer).withHeaders(REQUEST).rows("select * from log_audit_event("
                + "'export_requested', 'users', ?, '{\"format\":\"csv\"}')", consumer.toString()).get(0);
        assertEquals(consumer, event.get("actor_id"));
        assertEquals("consumer", event.get("actor_role"));
        assertEquals("203.0.113.9", String.valueOf(event.get("ip")));
        assertEquals("csv", json(event.get("changes")).at("/format").asText());

        assertEquals(List.of("export_requested"), api.user(consumer).rows("select action from logs_audit")
                .stream().map(r -> r.get("action")).toList());
        assertEquals(0, api.user(merchant).rows("select * from logs_audit where actor_id = ?", consumer).size());
        assertEquals(1, api.user(admin).rows("select * from logs_audit where actor_id = ?", consumer).size());
        assertEquals("42501", api.anon().failure("select log_audit_event('x', 'y')").getSQLState());
        assertEquals("23514", api.user(consumer).failure("select log_audit_event(' ', 'users')").getSQLState());
    }

    @Test
    void theLogIsAppendOnlyForEveryRoleIncludingTheServiceRoleAndTheOwner() throws SQLException {
        newOffer();
        for (Api.Caller caller : List.of(api.serviceRole(), api.user(admin), api.anon())) {
            SQLException update = caller.failure("update logs_audit set action = 'tampered' where true");
            assertEquals("42501", update.getSQLState());
            assertTrue(update.getMessage().contains("permission denied"), update.getMessage());
            assertEquals("42501", caller.failure("delete from logs_audit where true").getSQLState());
            assertEquals("42501", caller.failure("truncate logs_audit").getSQLState());
        }
        for (String sql : List.of("update logs_audit set action = 'tampered' where true",
                "delete from logs_audit where true", "truncate logs_audit")) {
            SQLException e = api.owner().failure(sql);
            assertEquals("42501", e.getSQLState(), sql);
            assertTrue(e.getMessage().contains("rows are permanent"), e.getMessage());
        }
        assertEquals(0L, api.owner().value("select count(*) from logs_audit where action = 'tampered'"));
    }

    @Test
    void theServiceRoleAppendsEventsDirectly() throws SQLException {
        Map<String, Object> row = api.serviceRole().rows("insert into logs_audit (actor_id, actor_role, action,"
                + " entity_type, entity_id, changes, ip, request_id) values (?, 'consumer', 'login', 'auth', null,"
                + " '{}', '198.51.100.4', 'edge-1') returning *", merchant).get(0);
        assertEquals("login", row.get("action"));
        assertEquals(1, api.user(merchant).rows("select * from logs_audit where action = 'login'").size());
    }
}
