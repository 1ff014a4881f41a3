package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The stand-in's PostgREST ({@code /rest/v1}): the tables and functions it serves (those the Supabase walk-through
 * uses), with the rules the migrations give them (Row Level Security, CHECK and NOT NULL constraints, the soft-delete and consent
 * triggers) reduced to what those requests can meet.
 *
 * <table>
 *   <caption>Routes served</caption>
 *   <tr><td>{@code GET /rest/v1/offers}</td><td>live offers for everyone, plus all of one's own for a merchant</td></tr>
 *   <tr><td>{@code POST /rest/v1/offers}</td><td>a merchant's own offers; the service role any</td></tr>
 *   <tr><td>{@code PATCH /rest/v1/offers}</td><td>a merchant's own offers (soft delete and restore included)</td></tr>
 *   <tr><td>{@code POST /rest/v1/legal_consents}</td><td>one's own consent; evidence columns set by the server</td></tr>
 *   <tr><td>{@code GET /rest/v1/credits_packages}</td><td>active packages (all for the service role)</td></tr>
 *   <tr><td>{@code POST /rest/v1/logs_audit}</td><td>service role only, as on the real table</td></tr>
 *   <tr><td>{@code POST /rest/v1/rpc/purchase_credits|spend_credits|credit_balance}</td><td>see {@link Credits}</td></tr>
 * </table>
 *
 * <p>Not emulated: the database's own audit trigger (so {@code logs_audit} holds only what clients insert),
 * embedding, and every other table, method and function, which are refused with a 404.
 */
final class RestApi {

    private static final String HINT = "This local stand-in serves only the tables, filters and functions listed in"
            + " SupabaseStandIn's documentation; run against a Supabase project for anything else.";

    final Table offers = new Table("offers",
            Column.key("id", PgType.UUID_TYPE, t -> TextNode.valueOf(UUID.randomUUID().toString())),
            Column.required("merchant_id", PgType.UUID_TYPE),
            Column.required("title", PgType.TEXT),
            Column.of("description", PgType.TEXT),
            Column.of("discount_percent", PgType.NUMERIC_5_2),
            Column.of("discount_amount_cents", PgType.INTEGER),
            Column.withDefault("starts_at", PgType.TIMESTAMPTZ, RestApi::now),
            Column.of("ends_at", PgType.TIMESTAMPTZ),
            Column.withDefault("status", PgType.TEXT, t -> TextNode.valueOf("draft")),
            Column.required("city", PgType.TEXT),
            Column.withDefault("created_at", PgType.TIMESTAMPTZ, RestApi::now),
            Column.withDefault("updated_at", PgType.TIMESTAMPTZ, RestApi::now),
            Column.of("deleted_at", PgType.TIMESTAMPTZ),
            Column.of("deleted_by", PgType.UUID_TYPE));

    final Table consents = new Table("legal_consents",
            Column.key("id", PgType.UUID_TYPE, t -> TextNode.valueOf(UUID.randomUUID().toString())),
            Column.required("user_id", PgType.UUID_TYPE),
            Column.required("consent_type", PgType.TEXT),
            Column.required("version", PgType.TEXT),
            Column.required("granted", PgType.BOOLEAN),
            Column.withDefault("granted_at", PgType.TIMESTAMPTZ, RestApi::now),
            Column.of("revoked_at", PgType.TIMESTAMPTZ),
            Column.of("ip", PgType.INET),
            Column.of("user_agent", PgType.TEXT));

    final Table audit = new Table("logs_audit",
            Column.identity("id"),
            Column.key("event_id", PgType.UUID_TYPE, t -> TextNode.valueOf(UUID.randomUUID().toString())),
            Column.withDefault("occurred_at", PgType.TIMESTAMPTZ, RestApi::now),
            Column.of("actor_id", PgType.UUID_TYPE),
            Column.of("actor_role", PgType.TEXT),
            Column.required("action", PgType.TEXT),
            Column.required("entity_type", PgType.TEXT),
            Column.of("entity_id", PgType.TEXT),
            Column.withDefault("changes", PgType.JSONB, t -> JsonNodeFactory.instance.objectNode()),
            Column.of("ip", PgType.INET),
            Column.of("request_id", PgType.TEXT));

    final Table packages = Credits.packagesTable();
    final Table ledger = Credits.ledgerTable();
    final Credits credits = new Credits(packages, ledger);

    /** The application role ({@code users.role}) of each known user; absent = no profile. */
    private final Map<UUID, String> appRoles;

    RestApi(Map<UUID, String> appRoles) {
        // Mutable: tokens minted for new users add them (the stand-in serialises every access).
        this.appRoles = new java.util.HashMap<>(appRoles);
    }

    /** Makes a user known, with an application role, or changes the role of a known one. */
    void addUser(UUID user, String appRole) {
        appRoles.put(user, appRole);
    }

    /** The application role of a known user, or null. */
    String appRole(UUID user) {
        return appRoles.get(user);
    }

    /** Serves {@code /rest/v1/...}. */
    Answer handle(Request r, Instant now) {
        String resource = r.path().substring("/rest/v1/".length());
        if (resource.startsWith("rpc/")) {
            String function = resource.substring(4);
            boolean get = r.method().equals("GET");
            if (!(get || r.method().equals("POST")) || !Credits.serves(function)) {
                throw Refusal.postgrest(404, "PGRST202", "Could not find the function public." + function
                        + " in the schema cache", null, HINT);
            }
            JsonNode args = r.body();
            if (get) {
                // GET passes the arguments in the query string, as text, and runs read-only.
                ObjectNode fromQuery = JsonNodeFactory.instance.objectNode();
                r.params().forEach(p -> fromQuery.put(p.getKey(), p.getValue()));
                args = fromQuery;
            }
            return credits.call(function, args, get, r.caller(), now);
        }
        switch (r.method() + " " + resource) {
            case "GET offers":
                return select(offers, r, row -> offerVisible(r.caller(), row, now), now);
            case "POST offers":
                return insert(offers, r, now, (row, caller) -> {
                    stampSoftDelete(row, null, caller);
                    boolean allowed = caller.isServiceRole() || caller.isAdmin()
                            || ("merchant".equals(caller.appRole()) && row.get("merchant_id").asText()
                            .equals(caller.uid()));
                    if (!allowed) {
                        throw Refusal.rowSecurity(caller, "offers");
                    }
                    checkOffer(row);
                });
            case "PATCH offers":
                return updateOffers(r, now);
            case "POST legal_consents":
                return insert(consents, r, now, (row, caller) -> {
                    if (!row.get("revoked_at").isNull()) {
                        throw Refusal.notAllowed(caller, "legal_consents: record the decision first, then revoke "
                                + "it by setting revoked_at");
                    }
                    if (!caller.isServiceRole()) {
                        // legal_consents_guard: requests through the API get the server's evidence.
                        row.set("granted_at", now(now));
                        row.set("ip", clientIp(r));
                        String agent = r.header("user-agent");
                        row.set("user_agent", agent == null ? NullNode.instance
                                : TextNode.valueOf(agent.substring(0, Math.min(agent.length(), 1000))));
                    }
                    if (!caller.isServiceRole() && !row.get("user_id").asText().equals(caller.uid())) {
                        throw Refusal.rowSecurity(caller, "legal_consents");
                    }
                    check(consents, row, "legal_consents_type_check",
                            !row.hasNonNull("consent_type")
                                    || row.get("consent_type").asText().matches("[a-z][a-z0-9_]{0,49}"));
                    check(consents, row, "legal_consents_version_check", !row.hasNonNull("version")
                            || (!row.get("version").asText().isBlank() && row.get("version").asText().length() <= 50));
                });
            case "GET credits_packages":
                return select(packages, r, row -> r.caller().isServiceRole() || r.caller().isAdmin()
                        || row.get("active").booleanValue(), now);
            case "POST logs_audit":
                return insert(audit, r, now, (row, caller) -> {
                    // Only the service role may insert (users go through log_audit_event()).
                    if (!caller.isServiceRole()) {
                        throw Refusal.rowSecurity(caller, "logs_audit");
                    }
                    check(audit, row, "logs_audit_action_check", !row.hasNonNull("action")
                            || (!row.get("action").asText().isBlank() && row.get("action").asText().length() <= 100));
                    check(audit, row, "logs_audit_entity_type_check", !row.hasNonNull("entity_type")
                            || (!row.get("entity_type").asText().isBlank()
                            && row.get("entity_type").asText().length() <= 100));
                    check(audit, row, "logs_audit_changes_check",
                            !row.hasNonNull("changes") || row.get("changes").isObject());
                });
            default:
                throw notServed(r);
        }
    }

    /** The answer to a route the stand-in does not serve. */
    static Refusal notServed(Request r) {
        String resource = r.path().startsWith("/rest/v1/") ? r.path().substring("/rest/v1/".length()) : r.path();
        return Refusal.postgrest(404, "PGRST205", "Could not find the table 'public." + resource
                + "' in the schema cache", "The local stand-in does not serve " + r.method() + " " + r.path(), HINT);
    }

    // Reads ---------------------------------------------------------------------------------------------------------

    private Answer select(Table table, Request r, Predicate<ObjectNode> visible, Instant now) {
        Query q = Query.parse(r.params(), table, now);
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode row : table.rows()) {
            if (visible.test(row) && q.filter.test(row)) {
                matching.add(row);
            }
        }
        List<ObjectNode> page = q.page(matching);
        boolean counted = r.preference("count") != null;
        String total = counted ? String.valueOf(matching.size()) : "*";
        String range = page.isEmpty() ? "*/" + total
                : q.offset + "-" + (q.offset + page.size() - 1) + "/" + total;
        Answer a = rowsAnswer(r, page, q, counted && page.size() < matching.size() ? 206 : 200);
        return a.header("Content-Range", range);
    }

    // Writes --------------------------------------------------------------------------------------------------------

    /**
     * Per-table work on a new row: triggers, then Row Level Security, then CHECK constraints, as PostgreSQL orders
     * them; NOT NULL is checked after. A CHECK passes on NULL, as in SQL.
     */
    private interface RowRules {
        void apply(ObjectNode row, Caller caller);
    }

    /**
     * A POST: an INSERT, or with {@code Prefer: resolution=ignore-duplicates} an
     * {@code INSERT ... ON CONFLICT (<on_conflict>) DO NOTHING}, whose answer holds only the rows inserted.
     */
    private Answer insert(Table table, Request r, Instant now, RowRules rules) {
        Query q = Query.parse(r.params(), table, now);
        String resolution = r.preference("resolution");
        if (resolution != null && !resolution.equals("ignore-duplicates")) {
            throw notServed(r);
        }
        String conflictColumn = null;
        if (resolution != null) {
            conflictColumn = r.param("on_conflict") != null ? r.param("on_conflict") : "id";
            if (!table.column(conflictColumn).unique()) {
                throw Refusal.badRequest("42P10", "there is no unique or exclusion constraint matching the ON "
                        + "CONFLICT specification", null, null);
            }
        }
        JsonNode body = r.body();
        List<JsonNode> items = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        List<String> columns = null;
        if (r.param("columns") != null) {
            columns = new ArrayList<>();
            for (String c : r.param("columns").split(",")) {
                columns.add(c.strip().replaceAll("^\"|\"$", ""));
            }
        }
        boolean missingDefault = "default".equals(r.preference("missing"));
        List<ObjectNode> rows = new ArrayList<>();
        for (JsonNode item : items) {
            ObjectNode row = table.newRow(item, now, columns, missingDefault);
            rules.apply(row, r.caller());
            table.checkNotNull(row);
            if (conflictColumn != null && conflicts(table, conflictColumn, row, rows)) {
                continue;
            }
            rows.add(row);
        }
        requireSingleWhenAsked(r, rows.size());
        List<ObjectNode> stored = new ArrayList<>();
        for (ObjectNode row : rows) {
            stored.add(table.insert(row));
        }
        String total = r.preference("count") != null ? String.valueOf(stored.size()) : "*";
        return written(r, stored, q, 201).header("Content-Range", "*/" + total);
    }

    /** Whether a row collides on the conflict column with a stored row or one earlier in the same request. */
    private static boolean conflicts(Table table, String column, ObjectNode row, List<ObjectNode> earlier) {
        JsonNode value = row.get(column);
        if (value.isNull()) {
            return false;
        }
        if (table.holds(column, value)) {
            return true;
        }
        for (ObjectNode e : earlier) {
            if (e.get(column).equals(value)) {
                return true;
            }
        }
        return false;
    }

    private Answer updateOffers(Request r, Instant now) {
        Query q = Query.parse(r.params(), offers, now);
        if (!q.hasFilter) {
            // Supabase's Data API runs pg_safeupdate.
            throw Refusal.badRequest("21000", "UPDATE requires a WHERE clause", null, null);
        }
        Caller caller = r.caller();
        List<ObjectNode> changed = new ArrayList<>();
        for (ObjectNode row : offers.rows()) {
            boolean updatable = caller.isServiceRole() || caller.isAdmin()
                    || ("merchant".equals(caller.appRole()) && row.get("merchant_id").asText().equals(caller.uid()));
            if (!updatable || !q.filter.test(row)) {
                continue;
            }
            ObjectNode next = offers.changed(row, r.body(), now);
            next.set("updated_at", now(now));
            stampSoftDelete(next, row, caller);
            if (!caller.isServiceRole() && !caller.isAdmin()
                    && !next.get("merchant_id").asText().equals(caller.uid())) {
                throw Refusal.rowSecurity(caller, "offers");
            }
            checkOffer(next);
            offers.checkNotNull(next);
            changed.add(next);
        }
        String max = r.prefers("handling=strict") ? r.preference("max-affected") : null;
        if (max != null && changed.size() > Long.parseLong(max)) {
            throw Refusal.badRequest("PGRST124", "Query result exceeds max-affected preference constraint",
                    "The query affects " + changed.size() + " rows", null);
        }
        requireSingleWhenAsked(r, changed.size());
        for (ObjectNode row : changed) {
            offers.replace("id", row);
        }
        String total = r.preference("count") != null ? String.valueOf(changed.size()) : "*";
        String range = changed.isEmpty() ? "*/" + total : "0-" + (changed.size() - 1) + "/" + total;
        return written(r, changed, q, r.prefers("return=representation") ? 200 : 204)
                .header("Content-Range", range);
    }

    /** {@code stamp_soft_delete()}: {@code deleted_by} follows {@code deleted_at} and cannot be forged. */
    private static void stampSoftDelete(ObjectNode next, ObjectNode previous, Caller caller) {
        JsonNode deletedAt = next.get("deleted_at");
        if (deletedAt.isNull()) {
            next.putNull("deleted_by");
        } else if (previous == null || previous.get("deleted_at").isNull()) {
            next.set("deleted_by", caller.isUser() ? TextNode.valueOf(caller.uid()) : NullNode.instance);
        } else {
            next.set("deleted_by", previous.get("deleted_by"));
        }
    }

    private void checkOffer(ObjectNode row) {
        check(offers, row, "offers_title_check", !row.hasNonNull("title")
                || (!row.get("title").asText().isBlank() && row.get("title").asText().length() <= 200));
        check(offers, row, "offers_description_check", !row.hasNonNull("description")
                || row.get("description").asText().length() <= 5000);
        check(offers, row, "offers_discount_percent_check", !row.hasNonNull("discount_percent")
                || (row.get("discount_percent").decimalValue().signum() > 0
                && row.get("discount_percent").decimalValue().compareTo(java.math.BigDecimal.valueOf(100)) <= 0));
        check(offers, row, "offers_discount_amount_check", !row.hasNonNull("discount_amount_cents")
                || row.get("discount_amount_cents").asLong() > 0);
        check(offers, row, "offers_status_check", !row.hasNonNull("status")
                || List.of("draft", "active", "expired").contains(row.get("status").asText()));
        check(offers, row, "offers_city_check", !row.hasNonNull("city")
                || (!row.get("city").asText().isBlank() && row.get("city").asText().length() <= 100));
        check(offers, row, "offers_one_discount_check",
                row.hasNonNull("discount_percent") != row.hasNonNull("discount_amount_cents"));
        check(offers, row, "offers_window_check", !row.hasNonNull("ends_at") || !row.hasNonNull("starts_at")
                || PgType.TIMESTAMPTZ.compare(row.get("ends_at"), row.get("starts_at")) > 0);
    }

    /** Live: active, not deleted, started, not ended. What anyone may read. */
    static boolean live(ObjectNode row, Instant now) {
        return row.get("status").asText().equals("active")
                && row.get("deleted_at").isNull()
                && !PgType.parseInstant(row.get("starts_at").asText(), null).isAfter(now)
                && (row.get("ends_at").isNull() || PgType.parseInstant(row.get("ends_at").asText(), null).isAfter(now));
    }

    private static boolean offerVisible(Caller caller, ObjectNode row, Instant now) {
        return caller.isServiceRole() || caller.isAdmin() || live(row, now)
                || (caller.isUser() && row.get("merchant_id").asText().equals(caller.uid()));
    }

    private static void check(Table table, ObjectNode row, String constraint, boolean holds) {
        if (!holds) {
            throw Refusal.badRequest("23514", "new row for relation \"" + table.name
                    + "\" violates check constraint \"" + constraint + "\"", null, null);
        }
    }

    // Answers -------------------------------------------------------------------------------------------------------

    private static Answer written(Request r, List<ObjectNode> rows, Query q, int status) {
        if (!r.prefers("return=representation")) {
            return Answer.empty(status);
        }
        return rowsAnswer(r, rows, q, status).header("Preference-Applied", "return=representation");
    }

    private static Answer rowsAnswer(Request r, List<ObjectNode> rows, Query q, int status) {
        if (r.wantsObject()) {
            requireSingleWhenAsked(r, rows.size());
            return Answer.json(status, Table.project(rows.get(0), q.select));
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode row : rows) {
            array.add(Table.project(row, q.select));
        }
        return Answer.json(status, array);
    }

    /** {@code single()}: PostgREST refuses (and rolls back) unless exactly one row results. */
    private static void requireSingleWhenAsked(Request r, int rows) {
        if (r.wantsObject() && rows != 1) {
            throw Refusal.postgrest(406, "PGRST116", "Cannot coerce the result to a single JSON object",
                    "The result contains " + rows + " rows", null);
        }
    }

    /** {@code request_ip()}: the first {@code x-forwarded-for} entry (the gateway adds the client's address). */
    private static JsonNode clientIp(Request r) {
        String forwarded = r.header("x-forwarded-for");
        String ip = forwarded != null ? forwarded.split(",")[0].strip() : r.remoteIp();
        try {
            return PgType.INET.literal(ip, null);
        } catch (Refusal e) {
            return NullNode.instance;
        }
    }

    private static JsonNode now(Instant now) {
        return TextNode.valueOf(PgType.format(now));
    }
}
