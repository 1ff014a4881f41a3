package com.rabaislocal.sdk.goaffpro.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import java.math.BigDecimal;

/**
 * The answer of {@code POST /admin/orders/recalculate/{id}}: {@code {commission, subtotal, error}}. Its
 * {@code error} field is part of the success shape (why the commission could not be computed, e.g. no affiliate),
 * not a failure of the call.
 *
 * @param commission the recomputed commission, exact, or null
 * @param subtotal the subtotal it was computed on, exact, or null
 * @param error GoAffPro's remark, or null when none
 */
public record OrderRecalculation(BigDecimal commission, BigDecimal subtotal, String error) {

    /**
     * Reads the answer.
     *
     * @param root the answer
     * @return the recalculation
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static OrderRecalculation from(JsonNode root) {
        JsonNode e = root.get("error");
        String error = e == null || e.isNull() || (e.isBoolean() && !e.booleanValue()) ? null
                : e.isObject() ? e.toString() : e.asText();
        return new OrderRecalculation(Lenient.money(root, "commission"), Lenient.money(root, "subtotal"),
                error == null || error.isBlank() ? null : error);
    }
}
