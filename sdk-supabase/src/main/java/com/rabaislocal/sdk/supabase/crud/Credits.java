package com.rabaislocal.sdk.supabase.crud;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.postgrest.RpcQuery;
import com.rabaislocal.sdk.supabase.tables.CreditTransaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The credit functions of the database as typed calls: {@code purchase_credits}, {@code spend_credits},
 * {@code adjust_credits} and {@code credit_balance}. Immutable and thread-safe; get it from
 * {@link SupabaseCrud#credits()}.
 *
 * <p>Every movement takes an idempotency key: the same call repeated with the same key returns the first movement
 * without moving credits again, so these calls are retried like reads after a lost answer. The key is unique across
 * all users; reusing it for a different request raises {@link IdempotencyKeyReusedException}. Arguments are checked
 * before any request ({@link ValidationException}). The database's refusals arrive as
 * {@link InsufficientCreditsException} ({@code RLC01}), {@link IdempotencyKeyReusedException} ({@code RLC02}),
 * {@link PackageUnavailableException} ({@code RLC03}) and, for a caller not allowed,
 * {@link com.rabaislocal.sdk.core.error.PermissionDeniedException}.
 *
 * <p>Credit movements emit no audit event: the ledger ({@code credits_transactions}) is their trail, and its rows are
 * permanent.
 */
public final class Credits {

    /** The longest idempotency key, in characters. */
    public static final int MAX_KEY_LENGTH = 255;
    /** The longest reason, in characters. */
    public static final int MAX_REASON_LENGTH = 500;

    private final CrudContext ctx;

    Credits(CrudContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Credits a user with an active package once its payment is confirmed ({@code purchase_credits}). Service role
     * only: the payment backend records purchases, users never do.
     *
     * @param userId the buyer
     * @param packageId the package bought
     * @param idempotencyKey e.g. the payment id, so a retried payment webhook credits once; 1 to 255 characters
     * @return the ledger movement (the first one, for a repeated key)
     * @throws CrudPermissionException if this client is not the service-role client (nothing sent)
     * @throws PackageUnavailableException if the package does not exist or is not on sale
     * @throws IdempotencyKeyReusedException if the key was used for another request
     */
    public CreditTransaction purchase(UUID userId, UUID packageId, String idempotencyKey) {
        Checks c = new Checks().required("userId", userId).required("packageId", packageId);
        key(c, idempotencyKey);
        check(c);
        if (!ctx.isServiceRole()) {
            throw new CrudPermissionException("purchase_credits", "purchases are recorded by the payment backend"
                    + " with the service-role client; this client acts as " + ctx.actor.role());
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("p_user_id", userId);
        args.put("p_package_id", packageId);
        args.put("p_idempotency_key", idempotencyKey);
        return movement("purchase_credits", args);
    }

    /**
     * Spends credits of the signed-in user the client acts for ({@code spend_credits}).
     *
     * @param amount the credits to spend, at least 1
     * @param reason what they pay for, e.g. {@code "AI summary of offer 42"}; at most 500 characters
     * @param idempotencyKey unique per spend, e.g. the id of the operation paid for; 1 to 255 characters
     * @return the ledger movement (the first one, for a repeated key)
     * @throws InsufficientCreditsException if the balance is too low
     * @throws IdempotencyKeyReusedException if the key was used for another request
     */
    public CreditTransaction spend(int amount, String reason, String idempotencyKey) {
        return spend(null, amount, reason, idempotencyKey);
    }

    /**
     * Spends credits of a user ({@code spend_credits}): on the service-role client, any user (a backend feature
     * billed in credits); on a user's client, only that user.
     *
     * @param userId the user, or null for the signed-in user
     * @param amount the credits to spend, at least 1
     * @param reason what they pay for; at most 500 characters
     * @param idempotencyKey unique per spend; 1 to 255 characters
     * @return the ledger movement (the first one, for a repeated key)
     * @throws InsufficientCreditsException if the balance is too low
     * @throws IdempotencyKeyReusedException if the key was used for another request
     */
    public CreditTransaction spend(UUID userId, int amount, String reason, String idempotencyKey) {
        Checks c = new Checks().atLeast("amount", amount, 1);
        reason(c, reason);
        key(c, idempotencyKey);
        if (userId == null && ctx.actor.userId().isEmpty()) {
            c.add("userId", "is required: this client acts as " + ctx.actor.role() + ", not as a signed-in user");
        }
        check(c);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("p_amount", amount);
        args.put("p_reason", reason);
        args.put("p_idempotency_key", idempotencyKey);
        if (userId != null) {
            args.put("p_user_id", userId);
        }
        return movement("spend_credits", args);
    }

    /**
     * Adds or removes credits of a user ({@code adjust_credits}): a refund, goodwill or a correction; never below
     * zero. Admins and the service role.
     *
     * @param userId the user
     * @param delta the change, positive or negative, not 0
     * @param reason why; at most 500 characters
     * @param idempotencyKey unique per adjustment; 1 to 255 characters
     * @return the ledger movement (the first one, for a repeated key)
     * @throws InsufficientCreditsException if a negative delta exceeds the balance
     * @throws com.rabaislocal.sdk.core.error.PermissionDeniedException if the caller is not an admin
     */
    public CreditTransaction adjust(UUID userId, int delta, String reason, String idempotencyKey) {
        Checks c = new Checks().required("userId", userId);
        if (delta == 0) {
            c.add("delta", "must not be 0");
        }
        reason(c, reason);
        key(c, idempotencyKey);
        check(c);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("p_user_id", userId);
        args.put("p_delta", delta);
        args.put("p_reason", reason);
        args.put("p_idempotency_key", idempotencyKey);
        return movement("adjust_credits", args);
    }

    /**
     * Reads the signed-in user's balance ({@code credit_balance}, a read-only GET).
     *
     * @return the credits, 0 before any movement
     */
    public int balance() {
        return balance(null);
    }

    /**
     * Reads a user's balance: on the service-role client, any user; on a user's client, only that user.
     *
     * @param userId the user, or null for the signed-in user
     * @return the credits, 0 before any movement
     */
    public int balance(UUID userId) {
        if (userId == null && ctx.actor.userId().isEmpty()) {
            throw new ValidationException("userId", "is required: this client acts as " + ctx.actor.role()
                    + ", not as a signed-in user");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        if (userId != null) {
            args.put("p_user_id", userId);
        }
        RpcQuery q = ctx.withRequest(ctx.client.rpc("credit_balance", args).get());
        Integer balance = q.value(Integer.class);
        return balance == null ? 0 : balance;
    }

    private CreditTransaction movement(String function, Map<String, Object> args) {
        // Safe to resend: the idempotency key makes a repeat return the first movement.
        RpcQuery q = ctx.withRequest(ctx.client.rpc(function, args)).repeatable(true);
        // The database's refusals (RLC01-RLC03) come typed from SupabaseErrorParser.
        JsonNode answer = q.json();
        // A function returning one composite answers an object; older servers wrap it in an array.
        JsonNode row = answer.isArray() && answer.size() == 1 ? answer.get(0) : answer;
        if (!row.isObject()) {
            throw new RabaisSdkException("supabase POST /rest/v1/rpc/" + function + ": expected one ledger row,"
                    + " got " + (answer.isMissingNode() ? "an empty body" : answer.getNodeType().toString()));
        }
        return RowJson.bind(row, CreditTransaction.class, "rpc " + function);
    }

    private static void reason(Checks c, String reason) {
        c.text("reason", reason, true, MAX_REASON_LENGTH);
    }

    private static void key(Checks c, String idempotencyKey) {
        c.text("idempotencyKey", idempotencyKey, true, MAX_KEY_LENGTH);
    }

    private static void check(Checks c) {
        Map<String, List<String>> errors = c.result();
        if (!errors.isEmpty()) {
            throw new ValidationException("credits call", errors);
        }
    }

    @Override
    public String toString() {
        return "Credits{" + ctx.actor + '}';
    }
}
