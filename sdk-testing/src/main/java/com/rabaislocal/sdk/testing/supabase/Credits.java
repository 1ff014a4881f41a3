package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The credit functions of migration {@code 06_module_b_credits_functions.sql}, with the same semantics: who may call
 * which, the purchase crediting the package's credits, the spend refusing to overdraw ({@code RLC01}), a repeated
 * idempotency key returning the first call's ledger row unchanged (or {@code RLC02} when the request differs), an
 * unknown or inactive package refused ({@code RLC03}), bad arguments refused ({@code 22023}). The stand-in handles
 * one request at a time, which gives the same serialisation the per-user row lock gives the database.
 */
final class Credits {

    private record Signature(Set<String> required, Set<String> optional, Set<String> executors) {
    }

    private static final Map<String, Signature> FUNCTIONS = Map.of(
            "purchase_credits", new Signature(Set.of("p_user_id", "p_package_id", "p_idempotency_key"), Set.of(),
                    Set.of("service_role")),
            "spend_credits", new Signature(Set.of("p_amount", "p_reason", "p_idempotency_key"), Set.of("p_user_id"),
                    Set.of("authenticated", "service_role")),
            "credit_balance", new Signature(Set.of(), Set.of("p_user_id"), Set.of("authenticated", "service_role")));

    private final Table packages;
    private final Table ledger;
    private final Map<String, Integer> balances = new HashMap<>();

    Credits(Table packages, Table ledger) {
        this.packages = packages;
        this.ledger = ledger;
    }

    /** Whether {@code name} is one of the functions served here. */
    static boolean serves(String name) {
        return FUNCTIONS.containsKey(name);
    }

    /**
     * Runs {@code POST /rest/v1/rpc/<name>} (or {@code GET}, {@code readOnly}) with named arguments.
     *
     * @throws Refusal with the function's SQLSTATE, or PostgREST's {@code PGRST202} when the arguments match no
     *     signature
     */
    Answer call(String name, JsonNode body, boolean readOnly, Caller caller, Instant now) {
        Signature signature = FUNCTIONS.get(name);
        JsonNode args = body == null ? JsonNodeFactory.instance.objectNode() : body;
        if (!args.isObject()) {
            throw Refusal.badRequest("PGRST102", "Empty or invalid json", null, null);
        }
        checkSignature(name, signature, args);
        if (!signature.executors().contains(caller.role())) {
            throw Refusal.notAllowed(caller, "permission denied for function " + name);
        }
        if (readOnly && !name.equals("credit_balance")) {
            // Only credit_balance is STABLE; the others write, which a GET's read-only transaction refuses.
            throw Refusal.postgrest(405, "25006", "cannot execute INSERT in a read-only transaction");
        }
        switch (name) {
            case "purchase_credits":
                return Answer.json(200, purchase(caller, args, now));
            case "spend_credits":
                return Answer.json(200, spend(caller, args, now));
            default:
                return Answer.json(200, IntNode.valueOf(balances.getOrDefault(target(caller, args), 0)));
        }
    }

    /** A user's balance, 0 before any movement. */
    int balance(String userId) {
        return balances.getOrDefault(userId, 0);
    }

    private ObjectNode purchase(Caller caller, JsonNode args, Instant now) {
        if (caller.isUser()) {
            throw Refusal.notAllowed(caller,
                    "credits: purchases are recorded by the payment backend (service role), not by users");
        }
        String user = arg(args, "p_user_id", PgType.UUID_TYPE, now);
        String packageId = arg(args, "p_package_id", PgType.UUID_TYPE, now);
        if (user == null || packageId == null) {
            throw Refusal.badRequest("22023", "credits: p_user_id and p_package_id are required", null, null);
        }
        return post(user, "purchase", 0, packageId, null, arg(args, "p_idempotency_key", PgType.TEXT, now), now);
    }

    private ObjectNode spend(Caller caller, JsonNode args, Instant now) {
        String user = target(caller, args);
        String amountText = arg(args, "p_amount", PgType.INTEGER, now);
        int amount = amountText == null ? 0 : Integer.parseInt(amountText);
        if (amount <= 0) {
            throw Refusal.badRequest("22023", "credits: p_amount must be a positive number of credits", null, null);
        }
        String reason = arg(args, "p_reason", PgType.TEXT, now);
        if (reason == null || reason.isBlank()) {
            throw Refusal.badRequest("22023", "credits: p_reason is required", null, null);
        }
        return post(user, "spend", -amount, null, reason, arg(args, "p_idempotency_key", PgType.TEXT, now), now);
    }

    /** {@code credits_target_user}: the signed-in user, or the user the service role names. */
    private static String target(Caller caller, JsonNode args) {
        String named = arg(args, "p_user_id", PgType.UUID_TYPE, null);
        if (caller.isUser()) {
            if (named != null && !named.equals(caller.uid())) {
                throw Refusal.notAllowed(caller, "credits: a signed-in user can only use their own credits");
            }
            return caller.uid();
        }
        if (named == null) {
            throw Refusal.badRequest("22023", "credits: p_user_id is required when no user is signed in", null,
                    null);
        }
        return named;
    }

    /** {@code credits_post}: the one place a movement is written. */
    private ObjectNode post(String user, String kind, int delta, String packageId, String reason, String key,
                            Instant now) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw Refusal.badRequest("22023", "credits: p_idempotency_key must be 1 to 255 characters", null, null);
        }
        String trimmedReason = reason == null ? null : reason.strip();
        for (ObjectNode existing : ledger.rows()) {
            if (existing.get("idempotency_key").asText().equals(key)) {
                boolean same = existing.get("user_id").asText().equals(user)
                        && existing.get("kind").asText().equals(kind)
                        && (kind.equals("purchase")
                        ? existing.get("package_id").asText().equals(packageId)
                        : existing.get("delta").asInt() == delta
                        && existing.get("reason").asText().equals(trimmedReason));
                if (same) {
                    return existing;
                }
                throw Refusal.badRequest("RLC02", "credits: idempotency key already used for a different request",
                        null, "Use a new idempotency key for a new operation.");
            }
        }
        int movement = delta;
        String why = trimmedReason;
        if (kind.equals("purchase")) {
            ObjectNode pack = findPackage(packageId);
            if (pack == null || !pack.get("active").booleanValue()) {
                throw Refusal.badRequest("RLC03", "credits: package " + packageId + " is not available", null,
                        null);
            }
            movement = pack.get("credits").asInt();
            why = "purchase: " + pack.get("name").asText();
        }
        int balance = balances.getOrDefault(user, 0);
        if (balance + movement < 0) {
            throw Refusal.badRequest("RLC01", "insufficient credits",
                    "balance " + balance + ", requested " + (-movement), null);
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("user_id", TextNode.valueOf(user));
        values.put("package_id", packageId == null ? NullNode.instance : TextNode.valueOf(packageId));
        values.put("kind", TextNode.valueOf(kind));
        values.put("delta", IntNode.valueOf(movement));
        values.put("balance_after", IntNode.valueOf(balance + movement));
        values.put("reason", TextNode.valueOf(why));
        values.put("idempotency_key", TextNode.valueOf(key));
        ObjectNode row = ledger.newRow(JsonNodeFactory.instance.objectNode().setAll(values), now);
        ledger.checkNotNull(row);
        balances.put(user, balance + movement);
        return ledger.insert(row);
    }

    private ObjectNode findPackage(String id) {
        for (ObjectNode p : packages.rows()) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        return null;
    }

    private static void checkSignature(String name, Signature signature, JsonNode args) {
        Set<String> given = new TreeSet<>();
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            given.add(it.next());
        }
        Set<String> allowed = new TreeSet<>(signature.required());
        allowed.addAll(signature.optional());
        if (!given.containsAll(signature.required()) || !allowed.containsAll(given)) {
            throw Refusal.postgrest(404, "PGRST202", "Could not find the function public." + name + "("
                    + String.join(", ", given) + ") in the schema cache",
                    "Searched for the function public." + name + " with parameters " + String.join(", ", given)
                            + " or with a single unnamed json/jsonb parameter, but no matches were found in the "
                            + "schema cache.",
                    "Perhaps you meant to call the function public." + name + "(" + String.join(", ", allowed)
                            + ")");
        }
    }

    /** A named argument converted to its parameter type, as text; null when absent or JSON null. */
    private static String arg(JsonNode args, String name, PgType type, Instant now) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return type.input(v, now).asText();
    }

    /** The ledger's columns, as in {@code credits_transactions}. */
    static Table ledgerTable() {
        return new Table("credits_transactions",
                Column.identity("id"),
                Column.required("user_id", PgType.UUID_TYPE),
                Column.of("package_id", PgType.UUID_TYPE),
                Column.required("kind", PgType.TEXT),
                Column.required("delta", PgType.INTEGER),
                Column.required("balance_after", PgType.INTEGER),
                Column.required("reason", PgType.TEXT),
                Column.required("idempotency_key", PgType.TEXT),
                Column.withDefault("created_at", PgType.TIMESTAMPTZ, t -> TextNode.valueOf(PgType.format(t))));
    }

    /** The packages' columns, as in {@code credits_packages}. */
    static Table packagesTable() {
        return new Table("credits_packages",
                Column.key("id", PgType.UUID_TYPE, t -> TextNode.valueOf(UUID.randomUUID().toString())),
                Column.required("name", PgType.TEXT),
                Column.required("credits", PgType.INTEGER),
                Column.required("price_cents", PgType.INTEGER),
                Column.withDefault("currency", PgType.TEXT, t -> TextNode.valueOf("CAD")),
                Column.withDefault("active", PgType.BOOLEAN, t -> BooleanNode.TRUE),
                Column.withDefault("created_at", PgType.TIMESTAMPTZ, t -> TextNode.valueOf(PgType.format(t))),
                Column.withDefault("updated_at", PgType.TIMESTAMPTZ, t -> TextNode.valueOf(PgType.format(t))));
    }
}
