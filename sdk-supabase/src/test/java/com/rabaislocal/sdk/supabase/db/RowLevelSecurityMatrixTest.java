package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.supabase.db.People.Person;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every global table x every caller x SELECT, INSERT, UPDATE, DELETE, run as PostgREST runs them (RETURNING, as with
 * {@code Prefer: return=representation}), each in a transaction that is rolled back so that every cell sees the same
 * data. A cell expects either the exact set of rows reached, or a refusal by Row Level Security, or a refusal by
 * missing privilege (for the tables nobody may write directly, where the revoke is deliberate).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityMatrixTest {

    enum Caller {
        ANON(null), CONSUMER1(Person.CONSUMER1), CONSUMER2(Person.CONSUMER2), MERCHANT1(Person.MERCHANT1),
        MERCHANT2(Person.MERCHANT2), AFFILIATE(Person.AFFILIATE), ADMIN(Person.ADMIN), SERVICE_ROLE(null);

        final Person person;

        Caller(Person person) {
            this.person = person;
        }
    }

    enum Op { SELECT, INSERT, UPDATE, DELETE }

    enum Kind { ROWS, REFUSED_BY_RLS, REFUSED_BY_PRIVILEGE }

    record Outcome(Kind kind, Set<String> rows) {
        @Override
        public String toString() {
            return kind == Kind.ROWS ? "rows " + rows : kind.name();
        }
    }

    private static Outcome rows(String... labels) {
        return new Outcome(Kind.ROWS, new TreeSet<>(List.of(labels)));
    }

    private static Outcome none() {
        return rows();
    }

    private static final Outcome RLS = new Outcome(Kind.REFUSED_BY_RLS, Set.of());
    private static final Outcome PRIVILEGE = new Outcome(Kind.REFUSED_BY_PRIVILEGE, Set.of());

    /** One table's statements and expectations. {@code ?} in a statement is the caller's own user id. */
    private final class Table {
        final String name;
        final Map<Op, String> sql = new EnumMap<>(Op.class);
        final Map<Op, Person> selfWhenNoUser = new EnumMap<>(Op.class);
        final Map<Op, Map<Caller, Outcome>> expected = new EnumMap<>(Op.class);
        UnaryOperator<String> label = UnaryOperator.identity();

        Table(String name) {
            this.name = name;
        }

        Table sql(Op op, String statement) {
            sql.put(op, statement);
            return this;
        }

        /** A statement with the caller's id as parameter; anon and the service role act for {@code stand-in}. */
        Table sql(Op op, String statement, Person standIn) {
            selfWhenNoUser.put(op, standIn);
            return sql(op, statement);
        }

        Table expect(Op op, Caller caller, Outcome outcome) {
            expected.computeIfAbsent(op, k -> new EnumMap<>(Caller.class)).put(caller, outcome);
            return this;
        }

        /** The same outcome for each listed caller. */
        Table expect(Op op, Outcome outcome, Caller... callers) {
            for (Caller c : callers) {
                expect(op, c, outcome);
            }
            return this;
        }

        Table expectAll(Op op, Outcome outcome) {
            return expect(op, outcome, Caller.values());
        }
    }

    private static final Caller[] USERS = {Caller.CONSUMER1, Caller.CONSUMER2, Caller.MERCHANT1, Caller.MERCHANT2,
        Caller.AFFILIATE};
    private static final Caller[] NOT_ADMIN = {Caller.ANON, Caller.CONSUMER1, Caller.CONSUMER2, Caller.MERCHANT1,
        Caller.MERCHANT2, Caller.AFFILIATE};
    private static final Caller[] PRIVILEGED = {Caller.ADMIN, Caller.SERVICE_ROLE};

    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension();

    private Api api;
    private People people;
    private UUID spare;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    @BeforeAll
    void setUp() throws SQLException {
        api = DB.api();
        people = People.signUp(api);
        // An auth user without a profile, for the INSERT into users.
        spare = People.signUp(api, "spare@example.test", null);
        api.owner().update("delete from public.users where id = ?", spare);
        seed();
        describeTables();
    }

    private void seed() throws SQLException {
        api.owner().update("insert into credits_packages (name, credits, price_cents, active) values"
                + " ('pack-active', 10, 500, true), ('pack-inactive', 50, 2000, false), ('pack-sold', 100, 4000, true)");
        Object sold = api.owner().value("select id from credits_packages where name = 'pack-sold'");
        for (Person p : List.of(Person.CONSUMER1, Person.CONSUMER2, Person.MERCHANT1, Person.AFFILIATE)) {
            api.serviceRole().rows("select * from purchase_credits(?, ?, ?)", people.id(p), sold, "fx-" + p.label());
        }
        api.user(people.id(Person.CONSUMER1)).rows("select * from spend_credits(1, 'fixture', 'fx-consumer1-spend')");

        for (Person p : Person.values()) {
            Api.Caller me = api.user(people.id(p));
            me.update("insert into legal_consents (user_id, consent_type, version, granted) values (?, 'terms', ?, true)",
                    people.id(p), "v-" + p.label());
            me.rows("select * from log_audit_event(?, 'test')", "fixture:" + p.label());
        }

        String offer = "insert into offers (merchant_id, title, discount_percent, status, city, starts_at, ends_at)"
                + " values (?, ?, 10, ?, 'Montréal', now() + ?::interval, now() + ?::interval)";
        Api.Caller m1 = api.user(people.id(Person.MERCHANT1));
        m1.update(offer, people.id(Person.MERCHANT1), "m1-live", "active", "-1 day", "10 days");
        m1.update(offer, people.id(Person.MERCHANT1), "m1-draft", "draft", "-1 day", "10 days");
        m1.update(offer, people.id(Person.MERCHANT1), "m1-deleted", "active", "-1 day", "10 days");
        m1.update(offer, people.id(Person.MERCHANT1), "m1-upcoming", "active", "5 days", "15 days");
        m1.update(offer, people.id(Person.MERCHANT1), "m1-ended", "active", "-10 days", "-1 day");
        m1.update("update offers set deleted_at = now() where title = 'm1-deleted'");
        api.user(people.id(Person.MERCHANT2)).update(offer, people.id(Person.MERCHANT2), "m2-live", "active",
                "-1 day", "10 days");

        Api.Caller admin = api.user(people.id(Person.ADMIN));
        admin.update("insert into ai_agents (name, model, active) values ('agent-active', 'gpt-4o-mini', true),"
                + " ('agent-inactive', 'gpt-4o-mini', false), ('agent-deleted', 'gpt-4o-mini', true)");
        admin.update("update ai_agents set deleted_at = now() where name = 'agent-deleted'");
    }

    private void describeTables() {
        Table users = table("users")
                .sql(Op.SELECT, "select split_part(email, '@', 1) as label from users")
                .sql(Op.INSERT, "insert into users (id, email, role) values ('" + spare + "', 'spare@example.test',"
                        + " 'consumer') returning split_part(email, '@', 1)")
                .sql(Op.UPDATE, "update users set display_name = 'changed' where true returning split_part(email, '@', 1)")
                .sql(Op.DELETE, "delete from users where true returning split_part(email, '@', 1)");
        String[] everyone = {"consumer1", "consumer2", "merchant1", "merchant2", "affiliate", "admin"};
        for (Caller c : USERS) {
            users.expect(Op.SELECT, c, rows(c.person.label())).expect(Op.UPDATE, c, rows(c.person.label()));
        }
        users.expect(Op.SELECT, Caller.ANON, none()).expect(Op.SELECT, rows(everyone), PRIVILEGED)
                .expect(Op.INSERT, RLS, NOT_ADMIN).expect(Op.INSERT, rows("spare"), PRIVILEGED)
                .expect(Op.UPDATE, Caller.ANON, none()).expect(Op.UPDATE, rows(everyone), PRIVILEGED)
                .expect(Op.DELETE, none(), NOT_ADMIN).expect(Op.DELETE, rows(everyone), PRIVILEGED);

        Table audit = table("logs_audit")
                .sql(Op.SELECT, "select action from logs_audit where action like 'fixture:%'")
                .sql(Op.INSERT, "insert into logs_audit (actor_id, action, entity_type) values (?, 'fixture:forged',"
                        + " 'test') returning action", Person.CONSUMER1)
                .sql(Op.UPDATE, "update logs_audit set action = 'fixture:changed' where action like 'fixture:%'"
                        + " returning action")
                .sql(Op.DELETE, "delete from logs_audit where action like 'fixture:%' returning action");
        for (Caller c : USERS) {
            audit.expect(Op.SELECT, c, rows("fixture:" + c.person.label()));
        }
        audit.expect(Op.SELECT, Caller.ANON, none())
                .expect(Op.SELECT, rows(prefixed("fixture:", everyone)), PRIVILEGED)
                .expect(Op.INSERT, RLS, NOT_ADMIN).expect(Op.INSERT, Caller.ADMIN, RLS)
                .expect(Op.INSERT, Caller.SERVICE_ROLE, rows("fixture:forged"))
                .expectAll(Op.UPDATE, PRIVILEGE).expectAll(Op.DELETE, PRIVILEGE);

        Table consents = table("legal_consents")
                .sql(Op.SELECT, "select version from legal_consents where version like 'v-%'")
                .sql(Op.INSERT, "insert into legal_consents (user_id, consent_type, version, granted)"
                        + " values (?, 'marketing', 'v-new', true) returning version", Person.CONSUMER1)
                .sql(Op.UPDATE, "update legal_consents set revoked_at = now() where version like 'v-%' returning version")
                .sql(Op.DELETE, "delete from legal_consents where version like 'v-%' returning version");
        for (Caller c : USERS) {
            consents.expect(Op.SELECT, c, rows("v-" + c.person.label()))
                    .expect(Op.UPDATE, c, rows("v-" + c.person.label()));
        }
        consents.expect(Op.SELECT, Caller.ANON, none())
                .expect(Op.SELECT, rows(prefixed("v-", everyone)), PRIVILEGED)
                .expect(Op.INSERT, Caller.ANON, RLS).expect(Op.INSERT, rows("v-new"), USERS)
                .expect(Op.INSERT, rows("v-new"), PRIVILEGED)
                .expect(Op.UPDATE, Caller.ANON, none()).expect(Op.UPDATE, Caller.ADMIN, rows("v-admin"))
                .expect(Op.UPDATE, Caller.SERVICE_ROLE, rows(prefixed("v-", everyone)))
                .expectAll(Op.DELETE, PRIVILEGE);

        table("credits_packages")
                .sql(Op.SELECT, "select name from credits_packages")
                .sql(Op.INSERT, "insert into credits_packages (name, credits, price_cents) values ('pack-new', 5, 100)"
                        + " returning name")
                .sql(Op.UPDATE, "update credits_packages set price_cents = price_cents + 1 where true returning name")
                .sql(Op.DELETE, "delete from credits_packages where name <> 'pack-sold' returning name")
                .expect(Op.SELECT, rows("pack-active", "pack-sold"), NOT_ADMIN)
                .expect(Op.SELECT, rows("pack-active", "pack-inactive", "pack-sold"), PRIVILEGED)
                .expect(Op.INSERT, RLS, NOT_ADMIN).expect(Op.INSERT, rows("pack-new"), PRIVILEGED)
                .expect(Op.UPDATE, none(), NOT_ADMIN)
                .expect(Op.UPDATE, rows("pack-active", "pack-inactive", "pack-sold"), PRIVILEGED)
                .expect(Op.DELETE, none(), NOT_ADMIN)
                .expect(Op.DELETE, rows("pack-active", "pack-inactive"), PRIVILEGED);

        table("credits_transactions")
                .sql(Op.SELECT, "select idempotency_key from credits_transactions where idempotency_key like 'fx-%'")
                .sql(Op.INSERT, "insert into credits_transactions (user_id, kind, delta, balance_after, reason,"
                        + " idempotency_key) values (?, 'adjustment', 1000, 1000, 'forged', 'fx-forged')"
                        + " returning idempotency_key", Person.CONSUMER1)
                .sql(Op.UPDATE, "update credits_transactions set delta = 1000 where idempotency_key like 'fx-%'"
                        + " returning idempotency_key")
                .sql(Op.DELETE, "delete from credits_transactions where idempotency_key like 'fx-%'"
                        + " returning idempotency_key")
                .expect(Op.SELECT, Caller.ANON, none())
                .expect(Op.SELECT, Caller.CONSUMER1, rows("fx-consumer1", "fx-consumer1-spend"))
                .expect(Op.SELECT, Caller.CONSUMER2, rows("fx-consumer2"))
                .expect(Op.SELECT, Caller.MERCHANT1, rows("fx-merchant1"))
                .expect(Op.SELECT, Caller.MERCHANT2, none())
                .expect(Op.SELECT, Caller.AFFILIATE, rows("fx-affiliate"))
                .expect(Op.SELECT, rows("fx-consumer1", "fx-consumer1-spend", "fx-consumer2", "fx-merchant1",
                        "fx-affiliate"), PRIVILEGED)
                .expectAll(Op.INSERT, PRIVILEGE).expectAll(Op.UPDATE, PRIVILEGE).expectAll(Op.DELETE, PRIVILEGE);

        Table balances = table("credit_balances")
                .sql(Op.SELECT, "select user_id::text from credit_balances")
                .sql(Op.INSERT, "insert into credit_balances (user_id, balance) values (?, 1000) returning user_id::text",
                        Person.MERCHANT2)
                .sql(Op.UPDATE, "update credit_balances set balance = 1000 where true returning user_id::text")
                .sql(Op.DELETE, "delete from credit_balances where true returning user_id::text")
                .expect(Op.SELECT, Caller.ANON, none())
                .expect(Op.SELECT, Caller.CONSUMER1, rows("consumer1"))
                .expect(Op.SELECT, Caller.CONSUMER2, rows("consumer2"))
                .expect(Op.SELECT, Caller.MERCHANT1, rows("merchant1"))
                .expect(Op.SELECT, Caller.MERCHANT2, none())
                .expect(Op.SELECT, Caller.AFFILIATE, rows("affiliate"))
                .expect(Op.SELECT, rows("consumer1", "consumer2", "merchant1", "affiliate"), PRIVILEGED)
                .expectAll(Op.INSERT, PRIVILEGE).expectAll(Op.UPDATE, PRIVILEGE).expectAll(Op.DELETE, PRIVILEGE);
        balances.label = id -> people.who(UUID.fromString(id)).label();

        String[] merchant1Offers = {"m1-live", "m1-draft", "m1-deleted", "m1-upcoming", "m1-ended"};
        String[] allOffers = {"m1-live", "m1-draft", "m1-deleted", "m1-upcoming", "m1-ended", "m2-live"};
        table("offers")
                .sql(Op.SELECT, "select title from offers")
                .sql(Op.INSERT, "insert into offers (merchant_id, title, discount_percent, status, city)"
                        + " values (?, 'new-offer', 10, 'draft', 'Québec') returning title", Person.MERCHANT1)
                .sql(Op.UPDATE, "update offers set description = 'changed' where true returning title")
                .sql(Op.DELETE, "delete from offers where true returning title")
                .expect(Op.SELECT, rows("m1-live", "m2-live"), Caller.ANON, Caller.CONSUMER1, Caller.CONSUMER2,
                        Caller.MERCHANT2)
                .expect(Op.SELECT, Caller.MERCHANT1, rows("m1-live", "m1-draft", "m1-deleted", "m1-upcoming",
                        "m1-ended", "m2-live"))
                .expect(Op.SELECT, Caller.AFFILIATE, rows("m1-live", "m2-live", "m1-upcoming"))
                .expect(Op.SELECT, rows(allOffers), PRIVILEGED)
                .expect(Op.INSERT, RLS, Caller.ANON, Caller.CONSUMER1, Caller.CONSUMER2, Caller.AFFILIATE)
                .expect(Op.INSERT, rows("new-offer"), Caller.MERCHANT1, Caller.MERCHANT2, Caller.ADMIN,
                        Caller.SERVICE_ROLE)
                .expect(Op.UPDATE, none(), Caller.ANON, Caller.CONSUMER1, Caller.CONSUMER2, Caller.AFFILIATE)
                .expect(Op.UPDATE, Caller.MERCHANT1, rows(merchant1Offers))
                .expect(Op.UPDATE, Caller.MERCHANT2, rows("m2-live"))
                .expect(Op.UPDATE, rows(allOffers), PRIVILEGED)
                .expect(Op.DELETE, none(), NOT_ADMIN)
                .expect(Op.DELETE, rows(allOffers), PRIVILEGED);

        String[] allAgents = {"agent-active", "agent-inactive", "agent-deleted"};
        table("ai_agents")
                .sql(Op.SELECT, "select name from ai_agents")
                .sql(Op.INSERT, "insert into ai_agents (name, model) values ('agent-new', 'gpt-4o-mini') returning name")
                .sql(Op.UPDATE, "update ai_agents set temperature = 0.5 where true returning name")
                .sql(Op.DELETE, "delete from ai_agents where true returning name")
                .expect(Op.SELECT, Caller.ANON, none())
                .expect(Op.SELECT, rows("agent-active"), USERS)
                .expect(Op.SELECT, rows(allAgents), PRIVILEGED)
                .expect(Op.INSERT, RLS, NOT_ADMIN).expect(Op.INSERT, rows("agent-new"), PRIVILEGED)
                .expect(Op.UPDATE, none(), NOT_ADMIN).expect(Op.UPDATE, rows(allAgents), PRIVILEGED)
                .expect(Op.DELETE, none(), NOT_ADMIN).expect(Op.DELETE, rows(allAgents), PRIVILEGED);
    }

    private Table table(String name) {
        Table t = new Table(name);
        tables.put(name, t);
        return t;
    }

    private static String[] prefixed(String prefix, String[] labels) {
        return Stream.of(labels).map(l -> prefix + l).toArray(String[]::new);
    }

    @Test
    void everyTableOfTheSchemaIsInTheMatrixWithEveryCellSpecified() throws SQLException {
        List<Map<String, Object>> inSchema = api.owner().rows("select c.relname from pg_class c"
                + " where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1");
        Set<String> schemaTables = new TreeSet<>();
        inSchema.forEach(r -> schemaTables.add((String) r.get("relname")));
        assertEquals(schemaTables, new TreeSet<>(tables.keySet()), "tables of schema public vs tables in the matrix");

        List<String> missing = new ArrayList<>();
        for (Table t : tables.values()) {
            for (Op op : Op.values()) {
                for (Caller c : Caller.values()) {
                    if (!t.sql.containsKey(op) || !t.expected.getOrDefault(op, Map.of()).containsKey(c)) {
                        missing.add(t.name + "/" + op + "/" + c);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "cells without an expectation");
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Table t : tables.values()) {
            for (Op op : Op.values()) {
                for (Caller c : Caller.values()) {
                    Outcome expected = t.expected.getOrDefault(op, Map.of()).get(c);
                    if (expected != null && t.sql.containsKey(op)) {
                        cells.add(DynamicTest.dynamicTest(t.name + " | " + c + " | " + op + " -> " + expected,
                                () -> assertEquals(expected, run(t, op, c), t.name + " / " + c + " / " + op)));
                    }
                }
            }
        }
        return cells.stream();
    }

    private Outcome run(Table table, Op op, Caller caller) {
        Api.Caller as = switch (caller) {
            case ANON -> api.anon();
            case SERVICE_ROLE -> api.serviceRole();
            default -> api.user(people.id(caller.person));
        };
        String sql = table.sql.get(op);
        Object[] params = new Object[0];
        if (sql.contains("?")) {
            Person self = caller.person != null ? caller.person : table.selfWhenNoUser.get(op);
            params = new Object[] {people.id(self)};
        }
        try {
            List<Map<String, Object>> result = as.dryRun().rows(sql, params);
            Set<String> labels = new TreeSet<>();
            result.forEach(r -> labels.add(table.label.apply(String.valueOf(r.values().iterator().next()))));
            return new Outcome(Kind.ROWS, labels);
        } catch (SQLException e) {
            assertEquals("42501", e.getSQLState(), () -> "unexpected failure: " + e.getMessage());
            String message = String.valueOf(e.getMessage());
            if (message.contains("row-level security")) {
                return RLS;
            }
            assertTrue(message.contains("permission denied"), () -> "42501 for another reason: " + message);
            return PRIVILEGE;
        }
    }
}
