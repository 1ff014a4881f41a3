package com.rabaislocal.sdk.goaffpro.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A referred order and its commission, as {@code GET /admin/orders} answers it. Money is exact ({@code "58.00"}
 * keeps its scale); accessors other than {@link #id()} return null when the field was not sent.
 * {@link #toString()} shows no customer data.
 */
public final class Order extends RawModel {

    /** The fields asked for by default: everything this model reads. */
    public static final List<String> DEFAULT_FIELDS = List.of("id", "affiliate_id", "number", "total", "subtotal",
            "commission", "status", "sub_id", "coupons", "mlm_amount", "created", "type", "customer_email",
            "is_new_customer", "line_items", "customer", "is_paid");

    private final String id;
    private final String affiliateId;
    private final String number;
    private final BigDecimal total;
    private final BigDecimal subtotal;
    private final BigDecimal commission;
    private final OrderStatus status;
    private final String subId;
    private final List<String> coupons;
    private final BigDecimal mlmAmount;
    private final Instant createdAt;
    private final String type;
    private final String customerEmail;
    private final Boolean newCustomer;
    private final List<LineItem> lineItems;
    private final Boolean paid;

    private Order(JsonNode raw) {
        super(raw);
        this.id = GoAffProHttp.requireId(raw, "id");
        this.affiliateId = Lenient.id(raw, "affiliate_id");
        this.number = Lenient.id(raw, "number");
        this.total = Lenient.money(raw, "total");
        this.subtotal = Lenient.money(raw, "subtotal");
        this.commission = Lenient.money(raw, "commission");
        this.status = OrderStatus.of(Lenient.text(raw, "status"));
        this.subId = Lenient.text(raw, "sub_id");
        List<String> codes = new ArrayList<>();
        for (JsonNode c : Lenient.items(raw, "coupons")) {
            String code = c.isObject() ? Lenient.text(c, "code") : c.isValueNode() ? c.asText() : null;
            if (code != null && !code.isBlank()) {
                codes.add(code);
            }
        }
        this.coupons = Collections.unmodifiableList(codes);
        this.mlmAmount = Lenient.money(raw, "mlm_amount");
        Instant created = Lenient.instant(raw, "created");
        this.createdAt = created != null ? created : Lenient.instant(raw, "created_at");
        this.type = Lenient.text(raw, "type");
        String email = Lenient.text(raw, "customer_email");
        this.customerEmail = email != null ? email : Lenient.text(Lenient.object(raw, "customer"), "email");
        this.newCustomer = Lenient.flag(raw, "is_new_customer");
        List<LineItem> lines = new ArrayList<>();
        for (JsonNode l : Lenient.items(raw, "line_items")) {
            if (l.isObject()) {
                lines.add(LineItem.from(l));
            }
        }
        this.lineItems = Collections.unmodifiableList(lines);
        this.paid = Lenient.flag(raw, "is_paid");
    }

    /**
     * Reads an order object.
     *
     * @param node the object
     * @return the order
     * @throws Lenient.BadValue when a field cannot be read
     * @throws GoAffProHttp.MissingKey when it has no id
     */
    public static Order from(JsonNode node) {
        return new Order(node);
    }

    /** @return GoAffPro's id of the order, never null */
    public String id() {
        return id;
    }

    /** @return the affiliate credited */
    public String affiliateId() {
        return affiliateId;
    }

    /** @return the store's order number, e.g. {@code 1001} (the dedupe key) */
    public String number() {
        return number;
    }

    /** @return the order total, exact */
    public BigDecimal total() {
        return total;
    }

    /** @return the subtotal the commission is computed on, exact */
    public BigDecimal subtotal() {
        return subtotal;
    }

    /** @return the affiliate's commission, exact */
    public BigDecimal commission() {
        return commission;
    }

    /** @return the status ({@code new} reads as {@link OrderStatus#PENDING}) */
    public OrderStatus status() {
        return status;
    }

    /** @return the sub-id (campaign tag) of the referral link */
    public String subId() {
        return subId;
    }

    /** @return the coupon codes used, empty when none */
    public List<String> coupons() {
        return coupons;
    }

    /** @return the amount credited up the network (MLM), exact */
    public BigDecimal mlmAmount() {
        return mlmAmount;
    }

    /** @return when the order was placed ({@code created}) */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the order type, as sent */
    public String type() {
        return type;
    }

    /** @return the customer's e-mail address ({@code customer_email}, else {@code customer.email}) */
    public String customerEmail() {
        return customerEmail;
    }

    /** @return whether the customer was new */
    public Boolean newCustomer() {
        return newCustomer;
    }

    /** @return the lines, empty when not sent */
    public List<LineItem> lineItems() {
        return lineItems;
    }

    /** @return whether the commission was paid out */
    public Boolean paid() {
        return paid;
    }

    @Override
    public String toString() {
        return "Order{id=" + id + ", number=" + number + ", status=" + status + ", commission=" + commission + '}';
    }
}
