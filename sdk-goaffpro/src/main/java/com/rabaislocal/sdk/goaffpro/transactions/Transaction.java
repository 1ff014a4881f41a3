package com.rabaislocal.sdk.goaffpro.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of an affiliate's ledger ({@code GET /admin/transactions}). GoAffPro mixes snake and camel case here
 * ({@code tx_id} beside {@code startingBalance}); both are read.
 */
public final class Transaction extends RawModel {

    private final String id;
    private final String affiliateId;
    private final BigDecimal amount;
    private final String currency;
    private final String eventType;
    private final String entityType;
    private final String entityId;
    private final Boolean paid;
    private final Instant createdAt;
    private final BigDecimal startingBalance;
    private final BigDecimal endingBalance;

    private Transaction(JsonNode raw) {
        super(raw);
        this.id = raw.hasNonNull("tx_id") ? GoAffProHttp.requireId(raw, "tx_id") : GoAffProHttp.requireId(raw, "id");
        this.affiliateId = Lenient.id(raw, "affiliate_id");
        this.amount = Lenient.money(raw, "amount");
        this.currency = Lenient.text(raw, "currency");
        this.eventType = Lenient.text(raw, "event_type");
        this.entityType = Lenient.text(raw, "entity_type");
        this.entityId = Lenient.id(raw, "entity_id");
        this.paid = Lenient.flag(raw, "is_paid");
        this.createdAt = Lenient.instant(raw, "created_at");
        BigDecimal start = Lenient.money(raw, "startingBalance");
        this.startingBalance = start != null ? start : Lenient.money(raw, "starting_balance");
        BigDecimal end = Lenient.money(raw, "endingBalance");
        this.endingBalance = end != null ? end : Lenient.money(raw, "ending_balance");
    }

    /**
     * Reads a transaction object.
     *
     * @param node the object
     * @return the transaction
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static Transaction from(JsonNode node) {
        return new Transaction(node);
    }

    /** @return the transaction id ({@code tx_id}), never null */
    public String id() {
        return id;
    }

    /** @return the affiliate */
    public String affiliateId() {
        return affiliateId;
    }

    /** @return the amount, exact (negative for a payout) */
    public BigDecimal amount() {
        return amount;
    }

    /** @return the currency code */
    public String currency() {
        return currency;
    }

    /** @return what happened, as sent */
    public String eventType() {
        return eventType;
    }

    /** @return the kind of record behind it (order, reward, payout), as sent */
    public String entityType() {
        return entityType;
    }

    /** @return the id of the record behind it */
    public String entityId() {
        return entityId;
    }

    /** @return whether it was paid out */
    public Boolean paid() {
        return paid;
    }

    /** @return when it was booked */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the balance before, exact */
    public BigDecimal startingBalance() {
        return startingBalance;
    }

    /** @return the balance after, exact */
    public BigDecimal endingBalance() {
        return endingBalance;
    }

    @Override
    public String toString() {
        return "Transaction{id=" + id + ", amount=" + amount + ", paid=" + paid + '}';
    }
}
