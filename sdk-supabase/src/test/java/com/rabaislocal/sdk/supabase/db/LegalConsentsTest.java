package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** public.legal_consents keeps provable consent under Law 25: server-side facts, no edits, no erasure. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalConsentsTest {

    private static final Map<String, String> BROWSER = Map.of("x-forwarded-for", "203.0.113.7, 10.0.0.1",
            "user-agent", "Mozilla/5.0 (RabaisLocal test)");
    private static final String RECORD = "insert into legal_consents (user_id, consent_type, version, granted)"
            + " values (?, ?, ?, ?) returning *";

    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension();

    private Api api;

    @BeforeAll
    void setUp() throws SQLException {
        api = DB.api();
    }

    private UUID newUser() throws SQLException {
        return People.signUp(api, UUID.randomUUID() + "@example.test", "consumer");
    }

    @Test
    void aConsentRecordedThroughTheApiCarriesServerTimeIpAndUserAgent() throws SQLException {
        UUID user = newUser();
        Map<String, Object> row = api.user(user).withHeaders(BROWSER).rows("insert into legal_consents"
                + " (user_id, consent_type, version, granted, granted_at, ip, user_agent) values"
                + " (?, 'terms', '2025-11', true, '2001-01-01', '198.51.100.1', 'forged') returning *", user).get(0);

        assertEquals("203.0.113.7", String.valueOf(row.get("ip")));
        assertEquals("Mozilla/5.0 (RabaisLocal test)", row.get("user_agent"));
        Timestamp grantedAt = (Timestamp) row.get("granted_at");
        assertTrue(grantedAt.toInstant().isAfter(java.time.Instant.now().minusSeconds(3600)), "server time: " + grantedAt);
    }

    @Test
    void theBackendMayRecordTheIpAndUserAgentItObserved() throws SQLException {
        UUID user = newUser();
        Map<String, Object> row = api.serviceRole().rows("insert into legal_consents"
                + " (user_id, consent_type, version, granted, ip, user_agent) values"
                + " (?, 'privacy', '3', true, '198.51.100.1', 'Checkout/1.0') returning *", user).get(0);
        assertEquals("198.51.100.1", String.valueOf(row.get("ip")));
        assertEquals("Checkout/1.0", row.get("user_agent"));
    }

    @Test
    void revokingKeepsTheGrantAndGrantingAgainAddsARow() throws SQLException {
        UUID user = newUser();
        Api.Caller me = api.user(user);
        UUID first = (UUID) me.rows(RECORD, user, "marketing", "1", true).get(0).get("id");

        Map<String, Object> revoked = me.rows("update legal_consents set revoked_at = '2001-01-01'"
                + " where id = ? returning *", first).get(0);
        assertNotNull(revoked.get("revoked_at"));
        assertTrue(((Timestamp) revoked.get("revoked_at")).compareTo((Timestamp) revoked.get("granted_at")) >= 0,
                "revoked_at is the server time, not the one sent");
        assertEquals(true, revoked.get("granted"));

        me.rows(RECORD, user, "marketing", "1", true);
        List<Map<String, Object>> history = me.rows("select granted, revoked_at from legal_consents"
                + " where user_id = ? and consent_type = 'marketing' order by granted_at, revoked_at nulls last", user);
        assertEquals(2, history.size());
        assertNotNull(history.get(0).get("revoked_at"));
        assertEquals(null, history.get(1).get("revoked_at"));
    }

    @Test
    void aDecisionCannotBeEditedUnrevokedOrRevokedTwice() throws SQLException {
        UUID user = newUser();
        Api.Caller me = api.user(user);
        UUID id = (UUID) me.rows(RECORD, user, "terms", "2025-11", true).get(0).get("id");

        SQLException edit = me.failure("update legal_consents set version = '2026-01' where id = ?", id);
        assertEquals("42501", edit.getSQLState());
        assertTrue(edit.getMessage().contains("cannot be changed"), edit.getMessage());
        assertEquals("42501", me.failure("update legal_consents set granted = false where id = ?", id).getSQLState());

        me.update("update legal_consents set revoked_at = now() where id = ?", id);
        SQLException unrevoke = me.failure("update legal_consents set revoked_at = null where id = ?", id);
        assertEquals("42501", unrevoke.getSQLState());
        assertTrue(unrevoke.getMessage().contains("revocation is final"), unrevoke.getMessage());
        assertEquals("42501", api.serviceRole().failure("update legal_consents set revoked_at = revoked_at"
                + " + interval '1 day' where id = ?", id).getSQLState());
        assertEquals("42501", api.owner().failure("update legal_consents set revoked_at = null where id = ?", id)
                .getSQLState());
    }

    @Test
    void aRefusalIsRecordedAndCannotBeRevoked() throws SQLException {
        UUID user = newUser();
        UUID id = (UUID) api.user(user).rows(RECORD, user, "marketing", "1", false).get(0).get("id");
        SQLException e = api.user(user).failure("update legal_consents set revoked_at = now() where id = ?", id);
        assertEquals("42501", e.getSQLState());
        assertTrue(e.getMessage().contains("only a granted consent can be revoked"), e.getMessage());
    }

    @Test
    void aConsentCannotBeRecordedForSomeoneElseNorAlreadyRevoked() throws SQLException {
        UUID user = newUser();
        UUID other = newUser();
        SQLException forOther = api.user(user).failure(RECORD, other, "terms", "1", true);
        assertEquals("42501", forOther.getSQLState());
        assertTrue(forOther.getMessage().contains("row-level security"), forOther.getMessage());

        SQLException revoked = api.user(user).failure("insert into legal_consents (user_id, consent_type, version,"
                + " granted, revoked_at) values (?, 'terms', '1', true, now())", user);
        assertEquals("42501", revoked.getSQLState());
        assertEquals("23514", api.user(user).failure(RECORD, user, "Not A Type!", "1", true).getSQLState());
    }

    @Test
    void nobodyDeletesConsentsNotEvenTheDatabaseOwner() throws SQLException {
        UUID user = newUser();
        UUID id = (UUID) api.user(user).rows(RECORD, user, "terms", "1", true).get(0).get("id");

        assertEquals("42501", api.user(user).failure("delete from legal_consents where id = ?", id).getSQLState());
        assertEquals("42501", api.serviceRole().failure("delete from legal_consents where id = ?", id).getSQLState());
        SQLException owner = api.owner().failure("delete from legal_consents where id = ?", id);
        assertEquals("42501", owner.getSQLState());
        assertTrue(owner.getMessage().contains("rows are permanent"), owner.getMessage());
        assertEquals("42501", api.owner().failure("truncate legal_consents").getSQLState());
        assertEquals(1L, api.owner().value("select count(*) from legal_consents where id = ?", id));
    }

    @Test
    void consentChangesAreAudited() throws SQLException {
        UUID user = newUser();
        UUID id = (UUID) api.user(user).rows(RECORD, user, "privacy", "4", true).get(0).get("id");
        api.user(user).update("update legal_consents set revoked_at = now() where id = ?", id);

        List<Map<String, Object>> events = api.user(user).rows("select action, actor_id, actor_role from logs_audit"
                + " where entity_type = 'legal_consents' and entity_id = ? order by id", id.toString());
        assertEquals(2, events.size());
        assertEquals("insert", events.get(0).get("action"));
        assertEquals("update", events.get(1).get("action"));
        assertEquals(user, events.get(1).get("actor_id"));
        assertEquals("consumer", events.get(1).get("actor_role"));
    }
}
