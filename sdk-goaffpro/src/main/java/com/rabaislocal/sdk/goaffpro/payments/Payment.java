package com.rabaislocal.sdk.goaffpro.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payout made to an affiliate, as {@code GET /admin/payments} answers it. The payout details (a PayPal address)
 * are not asked for by default and never shown by {@link #toString()}.
 */
public final class Payment extends RawModel {

    /** The fields asked for by default: everything this model reads. */
    public static final List<String> DEFAULT_FIELDS = List.of("id", "affiliate_id", "amount", "currency",
            "payment_method", "affiliate_message", "admin_note", "transactions", "created_at");

    private final String id;
    private final String affiliateId;
    private final BigDecimal amount;
    private final String currency;
    private final String paymentMethod;
    private final String affiliateMessage;
    private final String adminNote;
    private final Instant createdAt;

    private Payment(JsonNode raw) {
        super(raw);
        this.id = GoAffProHttp.requireId(raw, "id");
        this.affiliateId = Lenient.id(raw, "affiliate_id");
        this.amount = Lenient.money(raw, "amount");
        this.currency = Lenient.text(raw, "currency");
        this.paymentMethod = Lenient.text(raw, "payment_method");
        this.affiliateMessage = Lenient.text(raw, "affiliate_message");
        this.adminNote = Lenient.text(raw, "admin_note");
        this.createdAt = Lenient.instant(raw, "created_at");
    }

    /**
     * Reads a payment object.
     *
     * @param node the object
     * @return the payment
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static Payment from(JsonNode node) {
        return new Payment(node);
    }

    /** @return the id, never null */
    public String id() {
        return id;
    }

    /** @return the affiliate paid */
    public String affiliateId() {
        return affiliateId;
    }

    /** @return the amount paid, exact */
    public BigDecimal amount() {
        return amount;
    }

    /** @return the currency code */
    public String currency() {
        return currency;
    }

    /** @return how it was paid, e.g. {@code paypal} */
    public String paymentMethod() {
        return paymentMethod;
    }

    /** @return the message shown to the affiliate */
    public String affiliateMessage() {
        return affiliateMessage;
    }

    /** @return the merchant's note */
    public String adminNote() {
        return adminNote;
    }

    /** @return when it was paid */
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Payment{id=" + id + ", affiliateId=" + affiliateId + ", amount=" + amount + " " + currency + '}';
    }
}
