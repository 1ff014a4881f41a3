package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** public.users: the profile follows Supabase Auth, the role cannot be escalated, the admin manages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersTest {

    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension();

    private Api api;
    private UUID admin;

    @BeforeAll
    void setUp() throws SQLException {
        api = DB.api();
        admin = People.signUp(api, "admin@example.test", "admin");
    }

    private Map<String, Object> profile(UUID id) throws SQLException {
        return api.owner().rows("select * from users where id = ?", id).get(0);
    }

    private String role(UUID id) throws SQLException {
        return (String) profile(id).get("role");
    }

    @Test
    void signUpCreatesTheProfileWithTheRoleFromAppMetadataOnly() throws SQLException {
        UUID id = UUID.randomUUID();
        api.owner().update("insert into auth.users (id, email, raw_app_meta_data, raw_user_meta_data) values"
                + " (?, 'marie@example.test', '{\"provider\":\"email\"}', '{\"role\":\"admin\",\"display_name\":\"Marie\"}')",
                id);
        Map<String, Object> row = profile(id);
        assertEquals("consumer", row.get("role"));
        assertEquals("marie@example.test", row.get("email"));
        assertEquals("Marie", row.get("display_name"));

        UUID merchant = People.signUp(api, "boutique@example.test", "merchant");
        assertEquals("merchant", role(merchant));
        UUID odd = People.signUp(api, "odd@example.test", "superuser");
        assertEquals("consumer", role(odd));
    }

    @Test
    void editingUserMetadataNeverChangesTheRoleButAppMetadataDoes() throws SQLException {
        UUID id = People.signUp(api, UUID.randomUUID() + "@example.test", "consumer");
        api.owner().update("update auth.users set raw_user_meta_data = '{\"role\":\"admin\"}' where id = ?", id);
        assertEquals("consumer", role(id));

        api.owner().update("update auth.users set raw_app_meta_data = '{\"role\":\"merchant\"}' where id = ?", id);
        assertEquals("merchant", role(id));

        api.owner().update("update auth.users set email = 'changed@example.test' where id = ?", id);
        assertEquals("changed@example.test", profile(id).get("email"));
        assertEquals("merchant", role(id));
    }

    @Test
    void aUserEditsTheirDisplayNameButNotTheirRoleEmailOrDeletion() throws SQLException {
        UUID id = People.signUp(api, UUID.randomUUID() + "@example.test", "consumer");
        Timestamp before = (Timestamp) profile(id).get("updated_at");
        Api.Caller me = api.user(id);

        assertEquals(1, me.update("update users set display_name = 'Jo' where id = ?", id));
        assertEquals("Jo", profile(id).get("display_name"));
        assertTrue(((Timestamp) profile(id).get("updated_at")).after(before), "updated_at kept by trigger");

        for (String change : List.of("role = 'admin'", "role = 'merchant'", "email = 'x@example.test'",
                "deleted_at = now()", "created_at = now() - interval '1 year'")) {
            SQLException e = me.failure("update users set " + change + " where id = ?", id);
            assertEquals("42501", e.getSQLState(), change);
            assertTrue(e.getMessage().contains("only display_name can be changed"), e.getMessage());
        }
        assertEquals("consumer", role(id));
    }

    @Test
    void aUserNeitherSeesNorEditsAnotherProfile() throws SQLException {
        UUID me = People.signUp(api, UUID.randomUUID() + "@example.test", "merchant");
        UUID other = People.signUp(api, UUID.randomUUID() + "@example.test", "consumer");

        assertEquals(List.of(), api.user(me).rows("select * from users where id = ?", other));
        assertEquals(0, api.user(me).update("update users set display_name = 'hacked' where id = ?", other));
        assertEquals(0, api.user(me).update("delete from users where id = ?", other));
        assertEquals(0, api.user(me).update("delete from users where id = ?", me));
        assertEquals(null, profile(other).get("display_name"));
    }

    @Test
    void theAdminChangesRolesAndTheNewRoleTakesEffectAtOnce() throws SQLException {
        UUID id = People.signUp(api, UUID.randomUUID() + "@example.test", "consumer");
        String offer = "insert into offers (merchant_id, title, discount_percent, city) values (?, 'Café', 15, 'Lévis')";
        assertEquals("42501", api.user(id).failure(offer, id).getSQLState());

        assertEquals(1, api.user(admin).update("update users set role = 'merchant' where id = ?", id));
        assertEquals(1, api.user(id).update(offer, id));
        assertEquals("merchant", api.user(id).value("select current_app_role()"));
    }

    @Test
    void aSoftDeletedAdminLosesAdminRights() throws SQLException {
        UUID second = People.signUp(api, UUID.randomUUID() + "@example.test", "admin");
        assertEquals(true, api.user(second).value("select is_admin()"));

        Map<String, Object> row = api.user(admin).rows("update users set deleted_at = now() where id = ?"
                + " returning deleted_by", second).get(0);
        assertEquals(admin, row.get("deleted_by"));
        assertEquals(false, api.user(second).value("select is_admin()"));
        assertEquals(null, api.user(second).value("select current_app_role()"));
        assertEquals(1, api.user(second).rows("select * from users").size(), "only their own row is left");

        api.user(admin).update("update users set deleted_at = null where id = ?", second);
        assertEquals(true, api.user(second).value("select is_admin()"));
        assertEquals(null, profile(second).get("deleted_by"));
    }

    @Test
    void theRoleHelpersAnswerForTheCaller() throws SQLException {
        assertEquals(null, api.anon().value("select current_app_role()"));
        assertEquals(false, api.anon().value("select is_admin()"));
        assertEquals(null, api.serviceRole().value("select current_app_role()"));
        assertEquals("admin", api.user(admin).value("select current_app_role()"));
        assertNotEquals(null, api.user(admin).value("select auth.uid()"));
    }

    @Test
    void deletingTheAuthUserRemovesTheProfileButKeepsConsentsAndLedger() throws SQLException {
        UUID id = People.signUp(api, UUID.randomUUID() + "@example.test", "consumer");
        api.user(id).update("insert into legal_consents (user_id, consent_type, version, granted)"
                + " values (?, 'terms', '2025-11', true)", id);
        api.user(admin).rows("select adjust_credits(?, 5, 'welcome', ?)", id, "w-" + id);

        api.owner().update("delete from auth.users where id = ?", id);
        assertEquals(0L, api.owner().value("select count(*) from users where id = ?", id));
        assertEquals(1L, api.owner().value("select count(*) from legal_consents where user_id = ?", id));
        assertEquals(1L, api.owner().value("select count(*) from credits_transactions where user_id = ?", id));
    }
}
