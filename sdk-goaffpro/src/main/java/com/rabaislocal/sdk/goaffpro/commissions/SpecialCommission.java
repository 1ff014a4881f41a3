package com.rabaislocal.sdk.goaffpro.commissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.math.BigDecimal;

/**
 * A special commission rate on a product or a collection, for everyone or one affiliate
 * ({@code /admin/commissions}).
 */
public final class SpecialCommission extends RawModel {

    private final String id;
    private final String commissionType;
    private final BigDecimal commissionValue;
    private final String affiliateId;

    private SpecialCommission(JsonNode raw) {
        super(raw);
        this.id = Lenient.id(raw, "id");
        this.commissionType = Lenient.text(raw, "commission_type");
        this.commissionValue = Lenient.money(raw, "commission_value");
        this.affiliateId = Lenient.id(raw, "affiliate_id");
    }

    /**
     * Reads a rate object.
     *
     * @param node the object
     * @return the rate
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static SpecialCommission from(JsonNode node) {
        return new SpecialCommission(node);
    }

    /** @return the id, or null when not sent */
    public String id() {
        return id;
    }

    /** @return {@code percentage} or {@code flat_rate} */
    public String commissionType() {
        return commissionType;
    }

    /** @return the rate, exact */
    public BigDecimal commissionValue() {
        return commissionValue;
    }

    /** @return the affiliate it applies to, or null for everyone */
    public String affiliateId() {
        return affiliateId;
    }

    @Override
    public String toString() {
        return "SpecialCommission{id=" + id + ", " + commissionType + " " + commissionValue + '}';
    }
}
