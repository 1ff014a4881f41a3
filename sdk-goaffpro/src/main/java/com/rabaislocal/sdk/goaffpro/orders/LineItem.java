package com.rabaislocal.sdk.goaffpro.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param name the product name
 * @param quantity how many, or null
 * @param price the unit price, exact, or null
 * @param sku the SKU, or null
 * @param productId the store's product id, or null
 */
public record LineItem(String name, Long quantity, BigDecimal price, String sku, String productId) {

    /**
     * Reads a line item.
     *
     * @param node the object
     * @return the line
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static LineItem from(JsonNode node) {
        return new LineItem(Lenient.text(node, "name"), Lenient.integer(node, "quantity"),
                Lenient.money(node, "price"), Lenient.text(node, "sku"), Lenient.id(node, "product_id"));
    }
}
