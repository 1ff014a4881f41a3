package com.rabaislocal.sdk.goaffpro.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import java.math.BigDecimal;

/**
 * What is owed to one affiliate ({@code GET /admin/payments/pending}).
 *
 * @param affiliateId the affiliate
 * @param amount the amount awaiting payout, exact
 * @param totalEarned everything earned, exact, or null
 * @param totalPaid everything paid so far, exact, or null
 */
public record PendingPayout(String affiliateId, BigDecimal amount, BigDecimal totalEarned, BigDecimal totalPaid) {

    /**
     * Reads one pending entry.
     *
     * @param node the object
     * @return the entry
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static PendingPayout from(JsonNode node) {
        return new PendingPayout(GoAffProHttp.requireId(node, "affiliate_id"), Lenient.money(node, "amount"),
                Lenient.money(node, "total_earned"), Lenient.money(node, "total_paid"));
    }
}
