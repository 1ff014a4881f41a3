package com.rabaislocal.sdk.goaffpro.coupons;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.math.BigDecimal;

/**
 * A coupon: {@code {code, discount_type, discount_value, affiliate_id, type}}. On an affiliate GoAffPro sends
 * {@code coupon} as an object although its spec says a string; both read here (a string is the code alone).
 */
public final class Coupon extends RawModel {

    private final String code;
    private final String discountType;
    private final BigDecimal discountValue;
    private final String affiliateId;
    private final String type;

    private Coupon(JsonNode raw) {
        super(raw);
        this.code = Lenient.text(raw, "code");
        this.discountType = Lenient.text(raw, "discount_type");
        this.discountValue = Lenient.money(raw, "discount_value");
        this.affiliateId = Lenient.id(raw, "affiliate_id");
        this.type = Lenient.text(raw, "type");
    }

    /**
     * Reads a coupon from an object or a bare code.
     *
     * @param node the JSON value
     * @return the coupon, or null for null or an empty code
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static Coupon from(JsonNode node) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        if (node.isValueNode()) {
            return new Coupon(com.rabaislocal.sdk.core.json.SdkJson.mapper().createObjectNode()
                    .put("code", node.asText()));
        }
        return new Coupon(node);
    }

    /** @return the code customers type, e.g. {@code ANA10} */
    public String code() {
        return code;
    }

    /** @return {@code percentage}, {@code fixed_amount} or {@code free_shipping}; null when not sent */
    public String discountType() {
        return discountType;
    }

    /** @return the discount (percent or amount), exact; null when not sent */
    public BigDecimal discountValue() {
        return discountValue;
    }

    /** @return the affiliate the coupon belongs to, when sent */
    public String affiliateId() {
        return affiliateId;
    }

    /** @return {@code referral} or {@code personal}, when sent */
    public String type() {
        return type;
    }

    @Override
    public String toString() {
        return "Coupon{" + code + ", " + discountType + " " + discountValue + '}';
    }
}
