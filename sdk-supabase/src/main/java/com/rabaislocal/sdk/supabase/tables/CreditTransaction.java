package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code credits_transactions} (module B): one movement of the credit ledger. Rows are written only by
 * the credit functions ({@code purchase_credits}, {@code spend_credits}, {@code adjust_credits}) and are permanent.
 *
 * @param id the movement number (identity), in ledger order
 * @param userId {@code user_id}: whose credits moved
 * @param packageId {@code package_id}: the package bought, for purchases only; else null
 * @param kind {@code purchase}, {@code spend} or {@code adjustment}
 * @param delta the change, never 0: positive for a purchase, negative for a spend
 * @param balanceAfter {@code balance_after}: the balance once this movement applied, 0 or more
 * @param reason {@code purchase: <package name>}, or the reason the caller gave
 * @param idempotencyKey {@code idempotency_key}: the key that makes a repeated call return this row
 *     instead of moving credits again
 * @param createdAt {@code created_at}: when the movement was recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditTransaction(
        @JsonProperty("id") Long id,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("package_id") UUID packageId,
        @JsonProperty("kind") String kind,
        @JsonProperty("delta") Integer delta,
        @JsonProperty("balance_after") Integer balanceAfter,
        @JsonProperty("reason") String reason,
        @JsonProperty("idempotency_key") String idempotencyKey,
        @JsonProperty("created_at") Instant createdAt) {

    /** The table name. */
    public static final String TABLE = "credits_transactions";
    /** Kind of a purchase of a package. */
    public static final String KIND_PURCHASE = "purchase";
    /** Kind of a spend. */
    public static final String KIND_SPEND = "spend";
    /** Kind of an adjustment (refund, goodwill, correction). */
    public static final String KIND_ADJUSTMENT = "adjustment";
}
