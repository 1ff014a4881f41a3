package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Soft delete and restore under RLS, by PATCH as PostgREST runs it (UPDATE ... WHERE id = ... RETURNING *), without
 * falling into the trap where the updated row fails a SELECT policy filtering on deleted_at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftDeleteTest {

    private static final String LIVE_OFFER = "insert into offers (merchant_id, title, discount_amount_cents, status,"
            + " city, starts_at) values (?, ?, 500, 'active', 'Gatineau', now() - interval '1 hour') returning id";
    private static final String PATCH_DELETE = "update offers set deleted_at = now() where id = ? returning *";
    private static final String PATCH_RESTORE = "update offers set deleted_at = null where id = ? returning *";
    private static final String SEE = "select id from offers where id = ?";

    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension();

    private Api api;
    private UUID merchant;
    private UUID otherMerchant;
    private UUID consumer;
    private UUID affiliate;
    private UUID admin;

    @BeforeAll
    void setUp() throws SQLException {
        api = DB.api();
        merchant = People.signUp(api, "merchant@example.test", "merchant");
        otherMerchant = People.signUp(api, "other@example.test", "merchant");
        consumer = People.signUp(api, "consumer@example.test", "consumer");
        affiliate = People.signUp(api, "affiliate@example.test", "affiliate");
        admin = People.signUp(api, "admin@example.test", "admin");
    }

    private UUID liveOffer(String title) throws SQLException {
        return (UUID) api.user(merchant).value(LIVE_OFFER, merchant, title);
    }

    private boolean visibleTo(Api.Caller caller, UUID offer) throws SQLException {
        return !caller.rows(SEE, offer).isEmpty();
    }

    @Test
    void theOwnerSoftDeletesByPatchAndOthersNoLongerSeeTheOffer() throws SQLException {
        UUID offer = liveOffer("Soupe");
        assertTrue(visibleTo(api.anon(), offer));

        List<Map<String, Object>> patched = api.user(merchant).rows(PATCH_DELETE, offer);
        assertEquals(1, patched.size(), "the owner's soft delete goes through RLS");
        assertNotNull(patched.get(0).get("deleted_at"));
        assertEquals(merchant, patched.get(0).get("deleted_by"));

        assertEquals(false, visibleTo(api.anon(), offer));
        assertEquals(false, visibleTo(api.user(consumer), offer));
        assertEquals(false, visibleTo(api.user(otherMerchant), offer));
        assertEquals(false, visibleTo(api.user(affiliate), offer));
        assertEquals(true, visibleTo(api.user(merchant), offer), "the owner still sees it, to restore it");
        assertEquals(true, visibleTo(api.user(admin), offer));
    }

    @Test
    void theTrapIsRealWhenTheOwnersSelectPolicyFiltersOnDeletedAt() throws SQLException {
        api.owner().update("create table public.trap_demo (id uuid primary key default gen_random_uuid(),"
                + " owner_id uuid not null, deleted_at timestamptz);"
                + " alter table public.trap_demo enable row level security;"
                + " create policy trap_select on public.trap_demo for select to authenticated"
                + "   using (owner_id = (select auth.uid()) and deleted_at is null);"
                + " create policy trap_update on public.trap_demo for update to authenticated"
                + "   using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()))");
        try {
            UUID row = (UUID) api.owner().value("insert into public.trap_demo (owner_id) values (?) returning id",
                    merchant);
            SQLException e = api.user(merchant).failure("update public.trap_demo set deleted_at = now() where id = ?",
                    row);
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("row-level security"), e.getMessage());
        } finally {
            api.owner().update("drop table public.trap_demo");
        }
    }

    @Test
    void theOwnerRestoresByPatchAndTheOfferIsLiveAgain() throws SQLException {
        UUID offer = liveOffer("Bagel");
        api.user(merchant).rows(PATCH_DELETE, offer);

        List<Map<String, Object>> restored = api.user(merchant).rows(PATCH_RESTORE, offer);
        assertEquals(1, restored.size());
        assertEquals(null, restored.get(0).get("deleted_at"));
        assertEquals(null, restored.get(0).get("deleted_by"));
        assertTrue(visibleTo(api.anon(), offer));
    }

    @Test
    void deletedByCannotBeForgedByTheOwner() throws SQLException {
        UUID offer = liveOffer("Crêpe");
        Map<String, Object> row = api.user(merchant).rows("update offers set deleted_at = now(), deleted_by = ?"
                + " where id = ? returning deleted_by", admin, offer).get(0);
        assertEquals(merchant, row.get("deleted_by"));

        Map<String, Object> rewritten = api.user(merchant).rows("update offers set deleted_by = ? where id = ?"
                + " returning deleted_by", admin, offer).get(0);
        assertEquals(merchant, rewritten.get("deleted_by"), "the author of a deletion stays");
        UUID live = liveOffer("Chocolatine");
        assertEquals(null, api.user(merchant).rows("update offers set deleted_by = ? where id = ? returning deleted_by",
                admin, live).get(0).get("deleted_by"), "a live offer has no deletion author");
    }

    @Test
    void anotherMerchantCanNeitherSoftDeleteNorRestore() throws SQLException {
        UUID offer = liveOffer("Tarte");
        assertEquals(List.of(), api.user(otherMerchant).rows(PATCH_DELETE, offer));
        assertEquals(List.of(), api.user(consumer).rows(PATCH_DELETE, offer));
        assertEquals(List.of(), api.anon().rows(PATCH_DELETE, offer));
        assertTrue(visibleTo(api.anon(), offer));

        api.user(merchant).rows(PATCH_DELETE, offer);
        assertEquals(List.of(), api.user(otherMerchant).rows(PATCH_RESTORE, offer));
        assertEquals(false, visibleTo(api.anon(), offer));
    }

    @Test
    void theAdminSoftDeletesAndRestoresAnyOffer() throws SQLException {
        UUID offer = liveOffer("Poutine");
        Map<String, Object> deleted = api.user(admin).rows(PATCH_DELETE, offer).get(0);
        assertEquals(admin, deleted.get("deleted_by"));
        assertEquals(false, visibleTo(api.anon(), offer));
        assertEquals(1, api.user(admin).rows(PATCH_RESTORE, offer).size());
        assertTrue(visibleTo(api.anon(), offer));
    }

    @Test
    void aMerchantCannotHardDeleteTheirOffer() throws SQLException {
        UUID offer = liveOffer("Sushi");
        assertEquals(0, api.user(merchant).update("delete from offers where id = ?", offer));
        assertTrue(visibleTo(api.anon(), offer));
    }

    @Test
    void aMerchantCannotMoveAnOfferToAnotherMerchant() throws SQLException {
        UUID offer = liveOffer("Ramen");
        SQLException e = api.user(merchant).failure("update offers set merchant_id = ? where id = ?", otherMerchant,
                offer);
        assertEquals("42501", e.getSQLState());
        assertTrue(e.getMessage().contains("row-level security"), e.getMessage());
    }

    @Test
    void adminsSoftDeleteAndRestoreAgentsAndUsersStopSeeingThem() throws SQLException {
        UUID agent = (UUID) api.user(admin).value("insert into ai_agents (name, model, system_prompt, tools)"
                + " values ('Rédacteur', 'gpt-4o-mini', 'Tu rédiges des offres.', '[{\"type\":\"function\"}]')"
                + " returning id");
        assertEquals(1, api.user(consumer).rows("select id from ai_agents where id = ?", agent).size());
        assertEquals(0, api.anon().rows("select id from ai_agents where id = ?", agent).size());

        Map<String, Object> deleted = api.user(admin).rows("update ai_agents set deleted_at = now() where id = ?"
                + " returning *", agent).get(0);
        assertEquals(admin, deleted.get("deleted_by"));
        assertEquals(admin, deleted.get("owner_id"));
        assertEquals(0, api.user(consumer).rows("select id from ai_agents where id = ?", agent).size());

        assertEquals(1, api.user(admin).rows("update ai_agents set deleted_at = null where id = ? returning id",
                agent).size());
        assertEquals(1, api.user(consumer).rows("select id from ai_agents where id = ?", agent).size());
    }

    @Test
    void deletingTheAccountOfWhoeverSoftDeletedARowKeepsTheRowDeleted() throws SQLException {
        UUID leaving = People.signUp(api, "leaving-admin@example.test", "admin");
        UUID agent = (UUID) api.user(leaving).value("insert into ai_agents (name, model) values ('Éphémère',"
                + " 'gpt-4o-mini') returning id");
        api.user(leaving).update("update ai_agents set deleted_at = now() where id = ?", agent);

        api.owner().update("delete from auth.users where id = ?", leaving);
        Map<String, Object> row = api.owner().rows("select deleted_at, deleted_by, owner_id from ai_agents"
                + " where id = ?", agent).get(0);
        assertNotNull(row.get("deleted_at"));
        assertEquals(null, row.get("deleted_by"));
        assertEquals(null, row.get("owner_id"));
    }

    @Test
    void expireOffersMarksEndedOffersForTheServiceRoleOnly() throws SQLException {
        UUID ended = (UUID) api.user(merchant).value("insert into offers (merchant_id, title, discount_percent,"
                + " status, city, starts_at, ends_at) values (?, 'Hier', 10, 'active', 'Laval',"
                + " now() - interval '2 days', now() - interval '1 day') returning id", merchant);
        assertEquals(false, visibleTo(api.anon(), ended), "an ended offer is hidden before it is marked expired");

        assertEquals("42501", api.user(admin).failure("select expire_offers()").getSQLState());
        assertTrue(((Integer) api.serviceRole().value("select expire_offers()")) >= 1);
        assertEquals("expired", api.owner().value("select status from offers where id = ?", ended));
    }
}
