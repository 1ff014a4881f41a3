package com.rabaislocal.sdk.goaffpro.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import java.math.BigDecimal;

/**
 * An affiliate's own commission rate: {@code {type, amount, on}}.
 *
 * @param type {@code percentage}, {@code fixed_amount} or {@code fixed_amount_on_order}
 * @param amount the rate (percent or amount), exact
 * @param on {@code product} or {@code order}, or null
 */
public record Commission(String type, BigDecimal amount, String on) {

    /**
     * Reads a commission object.
     *
     * @param node the object, possibly null
     * @return the commission, or null when absent
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static Commission from(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new Commission(Lenient.text(node, "type"), Lenient.money(node, "amount"), Lenient.text(node, "on"));
    }
}
