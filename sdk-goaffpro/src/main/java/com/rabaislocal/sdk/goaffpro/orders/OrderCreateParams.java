package com.rabaislocal.sdk.goaffpro.orders;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.goaffpro.WriteParams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /admin/orders}, a manually recorded referral:
 * {@code {"order": {...}, "affiliate_id": "..."}} or {@code {"order": {...}, "ref_code": "..."}}. The basic shape
 * has only {@code order.number} and {@code order.total} ({@link #builder(String, BigDecimal)}); the extended shape
 * (as GoAffPro's own store extensions post it) adds subtotal, discount, tax, shipping, currency, date, customer,
 * coupons and line items through the builder's other setters.
 *
 * <p>GoAffPro has no idempotency key: the SDK never re-sends this POST once it may have arrived. Before a manual
 * retry, ask {@link OrderService#findByNumber(String)}.
 */
public final class OrderCreateParams extends WriteParams {

    private final String number;

    private OrderCreateParams(Builder b) {
        super(b);
        this.number = b.number;
    }

    /**
     * Starts an order.
     *
     * @param number the store's order number, the dedupe key
     * @param total the order total, not negative
     * @return the builder; {@link Builder#affiliateId(String)} or {@link Builder#refCode(String)} is required
     */
    public static Builder builder(String number, BigDecimal total) {
        return new Builder(number, total);
    }

    /** @return the store's order number */
    public String number() {
        return number;
    }

    /** Builds {@link OrderCreateParams}. */
    public static final class Builder extends WriteParams.Base<Builder> {
        private final ObjectNode order;
        private final String number;

        private Builder(String number, BigDecimal total) {
            this.order = node().putObject("order");
            this.number = number == null ? null : number.strip();
            if (number == null || number.isBlank()) {
                problem("order.number", "is required");
            } else {
                order.put("number", this.number);
            }
            orderMoney("total", total, true);
        }

        private Builder orderMoney(String name, BigDecimal value, boolean required) {
            if (value == null) {
                if (required) {
                    problem("order." + name, "is required");
                }
                order.remove(name);
            } else if (value.signum() < 0) {
                problem("order." + name, "must not be negative, was " + value.toPlainString());
            } else {
                order.put(name, value);
            }
            return this;
        }

        private Builder orderText(String name, String value) {
            if (value == null) {
                order.remove(name);
            } else if (value.isBlank()) {
                problem("order." + name, "must not be blank");
            } else {
                order.put(name, value.strip());
            }
            return this;
        }

        /**
         * Credits the order to an affiliate by id.
         *
         * @param affiliateId the affiliate
         * @return this builder
         */
        public Builder affiliateId(String affiliateId) {
            return text("affiliate_id", affiliateId);
        }

        /**
         * Credits the order to an affiliate by referral code.
         *
         * @param refCode the code
         * @return this builder
         */
        public Builder refCode(String refCode) {
            return text("ref_code", refCode);
        }

        /**
         * Sets the store's own order id (extended shape).
         *
         * @param id the id
         * @return this builder
         */
        public Builder storeOrderId(String id) {
            return orderText("id", id);
        }

        /**
         * Sets the subtotal the commission is computed on.
         *
         * @param subtotal a decimal amount in the order's currency (for example {@code 12.50}, not cents), not negative;
         *     null removes it; not sent by default
         * @return this builder
         */
        public Builder subtotal(BigDecimal subtotal) {
            return orderMoney("subtotal", subtotal, false);
        }

        /**
         * Sets the order's discount, sent to GoAffPro alongside the subtotal.
         *
         * @param discount a decimal amount in the order's currency (for example {@code 12.50}, not cents), not negative;
         *     null removes it; not sent by default
         * @return this builder
         */
        public Builder discount(BigDecimal discount) {
            return orderMoney("discount", discount, false);
        }

        /**
         * Sets the order's tax, sent to GoAffPro alongside the subtotal.
         *
         * @param tax a decimal amount in the order's currency (for example {@code 12.50}, not cents), not negative;
         *     null removes it; not sent by default
         * @return this builder
         */
        public Builder tax(BigDecimal tax) {
            return orderMoney("tax", tax, false);
        }

        /**
         * Sets the order's shipping, sent to GoAffPro alongside the subtotal.
         *
         * @param shipping a decimal amount in the order's currency (for example {@code 12.50}, not cents), not negative;
         *     null removes it; not sent by default
         * @return this builder
         */
        public Builder shipping(BigDecimal shipping) {
            return orderMoney("shipping", shipping, false);
        }

        /**
         * Sets the currency of the order's amounts, upper-cased.
         *
         * @param currency ISO 4217 code, e.g. {@code CAD}; null removes it; not sent by default
         * @return this builder
         */
        public Builder currency(String currency) {
            if (currency != null && !currency.strip().matches("[A-Za-z]{3}")) {
                problem("order.currency", "must be a 3-letter ISO 4217 code, was " + currency);
                return this;
            }
            return orderText("currency", currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT));
        }

        /**
         * Sets when the order was placed, sent as ISO-8601 UTC.
         *
         * @param date the instant, to the millisecond; null removes it; not sent by default
         * @return this builder
         */
        public Builder date(Instant date) {
            return orderText("date", date == null ? null : com.rabaislocal.sdk.goaffpro.json.Lenient.iso(date));
        }

        /**
         * Sets the customer.
         *
         * @param email the address
         * @param firstName first name, or null
         * @param lastName last name, or null
         * @param newCustomer whether the customer is new, or null
         * @return this builder
         */
        public Builder customer(String email, String firstName, String lastName, Boolean newCustomer) {
            ObjectNode c = order.putObject("customer");
            if (email == null || email.indexOf('@') < 1) {
                problem("order.customer.email", "is not an e-mail address");
            } else {
                c.put("email", email.strip());
            }
            if (firstName != null) {
                c.put("first_name", firstName.strip());
            }
            if (lastName != null) {
                c.put("last_name", lastName.strip());
            }
            if (newCustomer != null) {
                c.put("is_new_customer", newCustomer);
            }
            return this;
        }

        /**
         * Sets the coupon codes used.
         *
         * @param codes the codes
         * @return this builder
         */
        public Builder coupons(List<String> codes) {
            ArrayNode a = order.putArray("coupons");
            codes.forEach(a::add);
            return this;
        }

        /**
         * Adds a line.
         *
         * @param name the product name
         * @param quantity at least 1
         * @param price the unit price, not negative
         * @param sku the SKU, or null
         * @param productId the store's product id, or null
         * @return this builder
         */
        public Builder lineItem(String name, int quantity, BigDecimal price, String sku, String productId) {
            if (name == null || name.isBlank() || quantity < 1 || price == null || price.signum() < 0) {
                problem("order.line_items", "need a name, a quantity of at least 1 and a non-negative price");
                return this;
            }
            ObjectNode l = order.withArray("line_items").addObject().put("name", name.strip())
                    .put("quantity", quantity).put("price", price);
            if (sku != null) {
                l.put("sku", sku);
            }
            if (productId != null) {
                l.put("product_id", productId);
            }
            return this;
        }

        /**
         * Validates and builds the params.
         *
         * @return the params
         * @throws com.rabaislocal.sdk.core.error.ValidationException naming every problem
         */
        public OrderCreateParams build() {
            if (node().hasNonNull("affiliate_id") == node().hasNonNull("ref_code")) {
                problem("affiliate", "give exactly one of affiliate_id and ref_code");
            }
            check("order");
            return new OrderCreateParams(this);
        }
    }
}
