package com.rabaislocal.sdk.goaffpro.payments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.goaffpro.WriteResult;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.transactions.Transaction;
import java.time.Instant;
import java.util.List;

/**
 * The payouts ({@code /admin/payments}): what was paid, what is owed, marking payouts paid, and the affiliates'
 * payout requests. A cheap view over the client; thread-safe.
 */
public final class PaymentService {

    private static final String PATH = "/admin/payments";

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public PaymentService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /**
     * Walks every payout matching the filters ({@code limit} + {@code offset}).
     *
     * @param params the filters
     * @return the lazy walk, with the same stops as every listing
     */
    public AutoPager<Payment> list(PaymentListParams params) {
        return calls.offsetPager("goaffpro payments", params.limit(), Payment::id,
                (offset, limit) -> page(params, offset).items());
    }

    /**
     * Fetches one page.
     *
     * @param params the filters
     * @param offset the payouts to skip
     * @return the page
     */
    public Page<Payment> page(PaymentListParams params, long offset) {
        SdkRequest.Builder r = params.writeTo(Requests.get("payments.list", PATH), Payment.DEFAULT_FIELDS);
        if (params.sinceId() != null) {
            r.query("since_id", params.sinceId());
        }
        return calls.offsetPage(r, offset, params.limit(), "payments", Payment::from);
    }

    /**
     * Lists what is owed to every affiliate.
     *
     * @return one entry per affiliate with a balance
     */
    public List<PendingPayout> pending() {
        return pending(null, null);
    }

    /**
     * Lists what is owed, optionally for one affiliate or up to a date.
     *
     * @param affiliateId only this affiliate, or null
     * @param upto only earnings up to this instant (ISO-8601 UTC), or null
     * @return the entries
     */
    public List<PendingPayout> pending(String affiliateId, Instant upto) {
        SdkRequest.Builder r = Requests.get("payments.pending", PATH + "/pending");
        if (affiliateId != null) {
            r.query("affiliate_id", Requests.id("affiliateId", affiliateId));
        }
        if (upto != null) {
            r.query("upto", Lenient.iso(upto));
        }
        return calls.list(r.build(), "pending", PendingPayout::from);
    }

    /**
     * Records payouts as paid, in bulk. Sent once: never re-sent after it may have reached GoAffPro (a repeat
     * would record a second payout); on a timeout, look with {@link #list(PaymentListParams)} before trying again.
     *
     * @param payments one or more payouts
     * @return GoAffPro's answer
     */
    public WriteResult markPaid(List<PaymentCreateParams> payments) {
        if (payments == null || payments.isEmpty()) {
            throw new ValidationException("payments", "needs at least one payout");
        }
        ObjectNode body = SdkJson.mapper().createObjectNode();
        ArrayNode array = body.putArray("payments");
        payments.forEach(p -> array.add(p.body()));
        return calls.call(Requests.post("payments.create", PATH).jsonBody(body).build(),
                root -> WriteResult.from(root, "payment_id"));
    }

    /**
     * Changes a payout's notes ({@code PATCH}).
     *
     * @param id the payment id
     * @param adminNote the merchant's note, or null
     * @param affiliateMessage the message shown to the affiliate, or null
     * @return GoAffPro's answer
     */
    public WriteResult update(String id, String adminNote, String affiliateMessage) {
        if (adminNote == null && affiliateMessage == null) {
            throw new ValidationException("payment update", "set the admin note, the affiliate message or both");
        }
        ObjectNode body = SdkJson.mapper().createObjectNode();
        if (adminNote != null) {
            body.put("admin_note", adminNote);
        }
        if (affiliateMessage != null) {
            body.put("affiliate_message", affiliateMessage);
        }
        return calls.call(Requests.patch("payments.update", PATH).pathSegment(Requests.id("id", id))
                .jsonBody(body).build(), root -> WriteResult.from(root, "payment_id"));
    }

    /**
     * Deletes a payout record.
     *
     * @param id the payment id
     * @return GoAffPro's answer
     */
    public WriteResult delete(String id) {
        return calls.call(Requests.delete("payments.delete", PATH).pathSegment(Requests.id("id", id)).build(),
                root -> WriteResult.from(root, null));
    }

    /**
     * Lists payout requests.
     *
     * @param status only this status, or null
     * @return the requests
     */
    public List<PaymentRequest> requests(PaymentRequestStatus status) {
        SdkRequest.Builder r = Requests.get("payments.requests.list", PATH + "/requests");
        if (status != null) {
            r.query("status", status.value());
        }
        return calls.list(r.build(), "requests", PaymentRequest::from);
    }

    /**
     * Files a payout request for an affiliate. Sent once.
     *
     * @param affiliateId the affiliate
     * @param transactionIds the ledger entries it covers, at least one
     * @param note a note, or null
     * @return GoAffPro's answer
     */
    public WriteResult createRequest(String affiliateId, List<String> transactionIds, String note) {
        if (transactionIds == null || transactionIds.isEmpty()) {
            throw new ValidationException("tx_ids", "needs at least one transaction id");
        }
        ObjectNode body = SdkJson.mapper().createObjectNode().put("affiliate_id",
                Requests.id("affiliateId", affiliateId));
        ArrayNode a = body.putArray("tx_ids");
        transactionIds.forEach(a::add);
        if (note != null) {
            body.put("note", note);
        }
        return calls.call(Requests.post("payments.requests.create", PATH + "/requests").jsonBody(body).build(),
                root -> WriteResult.from(root, "request_id"));
    }

    /**
     * Changes a payout request's status ({@code PATCH}).
     *
     * @param id the request id
     * @param status the new status
     * @return GoAffPro's answer
     */
    public WriteResult updateRequest(String id, PaymentRequestStatus status) {
        if (status == null) {
            throw new ValidationException("status", "is required");
        }
        ObjectNode body = SdkJson.mapper().createObjectNode().put("status", status.value());
        return calls.call(Requests.patch("payments.requests.update", PATH + "/requests")
                .pathSegment(Requests.id("id", id)).jsonBody(body).build(),
                root -> WriteResult.from(root, "request_id"));
    }

    /**
     * Lists an affiliate's ledger entries not paid yet ({@code GET /admin/payments/transactions/unpaid}).
     *
     * @param affiliateId the affiliate, or null for all
     * @return the entries
     */
    public List<Transaction> unpaidTransactions(String affiliateId) {
        SdkRequest.Builder r = Requests.get("payments.transactions.unpaid", PATH + "/transactions/unpaid");
        if (affiliateId != null) {
            r.query("affiliate_id", Requests.id("affiliateId", affiliateId));
        }
        return calls.list(r.build(), "transactions", Transaction::from);
    }
}
