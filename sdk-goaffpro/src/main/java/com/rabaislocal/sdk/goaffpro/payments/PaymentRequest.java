package com.rabaislocal.sdk.goaffpro.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A payout requested by an affiliate ({@code GET /admin/payments/requests}). */
public final class PaymentRequest extends RawModel {

    private final String id;
    private final String affiliateId;
    private final BigDecimal amount;
    private final PaymentRequestStatus status;
    private final List<String> transactionIds;
    private final Instant createdAt;

    private PaymentRequest(JsonNode raw) {
        super(raw);
        this.id = GoAffProHttp.requireId(raw, "id");
        this.affiliateId = Lenient.id(raw, "affiliate_id");
        this.amount = Lenient.money(raw, "amount");
        this.status = PaymentRequestStatus.of(Lenient.text(raw, "status"));
        this.transactionIds = Lenient.texts(raw, "tx_ids");
        this.createdAt = Lenient.instant(raw, "created_at");
    }

    /**
     * Reads a request object.
     *
     * @param node the object
     * @return the request
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static PaymentRequest from(JsonNode node) {
        return new PaymentRequest(node);
    }

    /** @return the id, never null */
    public String id() {
        return id;
    }

    /** @return the affiliate asking */
    public String affiliateId() {
        return affiliateId;
    }

    /** @return the amount asked, exact, or null */
    public BigDecimal amount() {
        return amount;
    }

    /** @return the status */
    public PaymentRequestStatus status() {
        return status;
    }

    /** @return the ledger transactions it covers */
    public List<String> transactionIds() {
        return transactionIds;
    }

    /** @return when it was asked */
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "PaymentRequest{id=" + id + ", status=" + status + '}';
    }
}
