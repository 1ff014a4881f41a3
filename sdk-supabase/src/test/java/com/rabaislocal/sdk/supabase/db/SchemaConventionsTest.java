package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rules every table, policy and function of the schema follows, checked in the catalog so that a future migration
 * that forgets one fails here: RLS everywhere, policies in the initPlan form, SECURITY DEFINER functions pinned to an
 * empty search_path and closed to anon, triggers on the bookkeeping columns, and protection that does not rest on
 * privileges alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaConventionsTest {

    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension();

    private Api api;

    @BeforeAll
    void setUp() throws SQLException {
        api = DB.api();
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : api.owner().rows(sql)) {
            out.add(String.valueOf(row.values().iterator().next()));
        }
        return out;
    }

    @Test
    void rowLevelSecurityIsEnabledOnEveryTableOfSchemaPublic() throws SQLException {
        assertEquals(List.of(), strings("select relname from pg_class where relnamespace = 'public'::regnamespace"
                + " and relkind in ('r', 'p') and not relrowsecurity"));
    }

    @Test
    void policiesCallTheAuthHelpersOncePerStatementNotOncePerRow() throws SQLException {
        Pattern call = Pattern.compile("(?:public\\.)?(auth\\.uid|auth\\.jwt|auth\\.role|is_admin|current_app_role)\\(\\)");
        List<String> offenders = new ArrayList<>();
        for (Map<String, Object> p : api.owner().rows("select tablename, policyname,"
                + " coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr from pg_policies"
                + " where schemaname = 'public'")) {
            String expr = (String) p.get("expr");
            Matcher m = call.matcher(expr);
            while (m.find()) {
                String before = expr.substring(Math.max(0, m.start() - 7), m.start());
                if (!before.endsWith("SELECT ")) {
                    offenders.add(p.get("tablename") + "." + p.get("policyname") + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), offenders, "write (select auth.uid()), not auth.uid(), in policies");
    }

    @Test
    void securityDefinerFunctionsPinAnEmptySearchPath() throws SQLException {
        assertEquals(List.of(), strings("select p.oid::regprocedure::text from pg_proc p"
                + " where p.pronamespace = 'public'::regnamespace and p.prosecdef"
                + " and not coalesce(p.proconfig @> array['search_path=\"\"'], false)"));
    }

    @Test
    void anonCanRunOnlyTheHarmlessSecurityDefinerFunctions() throws SQLException {
        assertEquals(List.of("current_actor_role()", "current_app_role()", "is_admin()"),
                strings("select p.oid::regprocedure::text from pg_proc p where p.pronamespace = 'public'::regnamespace"
                        + " and p.prosecdef and has_function_privilege('anon', p.oid, 'execute') order by 1"));
    }

    @Test
    void everyUpdatedAtAndDeletedAtColumnHasItsTrigger() throws SQLException {
        String missing = "select c.table_name from information_schema.columns c where c.table_schema = 'public'"
                + " and c.column_name = '%s' and not exists (select 1 from pg_trigger t"
                + " join pg_proc f on f.oid = t.tgfoid where t.tgrelid = ('public.' || c.table_name)::regclass"
                + " and f.proname = '%s')";
        assertEquals(List.of(), strings(String.format(missing, "updated_at", "set_updated_at")));
        assertEquals(List.of(), strings(String.format(missing, "deleted_by", "stamp_soft_delete")));
    }

    @Test
    void everyColumnAPolicyFiltersOnLeadsAnIndex() throws SQLException {
        String[][] filtered = {{"legal_consents", "user_id"}, {"logs_audit", "actor_id"},
            {"credits_transactions", "user_id"}, {"credit_balances", "user_id"}, {"offers", "merchant_id"},
            {"users", "id"}};
        List<String> unindexed = new ArrayList<>();
        for (String[] tc : filtered) {
            Object indexed = api.owner().value("select exists (select 1 from pg_index i join pg_attribute a"
                    + " on a.attrelid = i.indrelid and a.attnum = i.indkey[0] where i.indrelid = ?::regclass"
                    + " and a.attname = ?)", "public." + tc[0], tc[1]);
            if (!Boolean.TRUE.equals(indexed)) {
                unindexed.add(tc[0] + "." + tc[1]);
            }
        }
        assertEquals(List.of(), unindexed);
        assertEquals(List.of("offers_live_city_idx", "offers_live_window_idx"), strings("select indexname from pg_indexes"
                + " where tablename = 'offers' and indexdef like '%WHERE ((status = ''active''::text) AND"
                + " (deleted_at IS NULL))' order by 1"));
    }

    /** Runs, in one rolled-back transaction, grants as the owner and then a statement as a signed-in user. */
    private SQLException asUserAfterGrant(String grant, UUID user, String sql) throws SQLException {
        return api.owner().dryRun().request(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(grant);
                st.execute("set local role authenticated");
                st.execute("select set_config('request.jwt.claims', '{\"sub\":\"" + user + "\",\"role\":\"authenticated\"}', true)");
            }
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.execute();
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
    }

    @Test
    void rowLevelSecurityAndTriggersStillHoldIfWritePrivilegesAreGrantedBack() throws SQLException {
        UUID user = People.signUp(api, "regrant@example.test", "consumer");
        api.user(user).update("insert into legal_consents (user_id, consent_type, version, granted)"
                + " values (?, 'terms', '1', true)", user);
        api.user(user).rows("select log_audit_event('login', 'auth')");
        Object auditRows = api.owner().value("select count(*) from logs_audit where actor_id = ?", user);
        String grantAll = "grant all on public.credits_transactions, public.credit_balances, public.logs_audit,"
                + " public.legal_consents to authenticated, service_role";

        SQLException forged = asUserAfterGrant(grantAll, user, "insert into credits_transactions (user_id, kind, delta,"
                + " balance_after, reason, idempotency_key) values ('" + user + "', 'adjustment', 1000, 1000, 'free', 'k')");
        assertEquals("42501", forged.getSQLState());
        assertTrue(forged.getMessage().contains("row-level security"), forged.getMessage());

        SQLException balance = asUserAfterGrant(grantAll, user, "insert into credit_balances (user_id, balance)"
                + " values ('" + user + "', 1000)");
        assertTrue(balance.getMessage().contains("row-level security"), balance.getMessage());

        SQLException auditInsert = asUserAfterGrant(grantAll, user, "insert into logs_audit (actor_id, action,"
                + " entity_type) values ('" + user + "', 'forged', 'x')");
        assertTrue(auditInsert.getMessage().contains("row-level security"), auditInsert.getMessage());

        // With the privilege back, an UPDATE or DELETE on one's own rows reaches no row: no policy allows it.
        assertEquals(null, asUserAfterGrant(grantAll, user, "delete from logs_audit where actor_id = '" + user + "'"));
        assertEquals(null, asUserAfterGrant(grantAll, user, "delete from legal_consents where user_id = '" + user + "'"));
        assertEquals(auditRows, api.owner().value("select count(*) from logs_audit where actor_id = ?", user));
        assertEquals(1L, api.owner().value("select count(*) from legal_consents where user_id = ?", user));

        // The service role bypasses RLS; the triggers still refuse.
        SQLException serviceUpdate = api.owner().dryRun().request(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(grantAll);
                st.execute("set local role service_role");
                st.execute("update logs_audit set action = 'tampered' where actor_id = '" + user + "'");
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
        assertEquals("42501", serviceUpdate.getSQLState());
        assertTrue(serviceUpdate.getMessage().contains("rows are permanent"), serviceUpdate.getMessage());
    }
}
