package com.rabaislocal.sdk.goaffpro.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.affiliates.Affiliate;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.orders.Order;
import java.util.Optional;

/**
 * One GoAffPro webhook delivery, read leniently: GoAffPro does not document its payloads, which integrators see
 * differ by plan. The raw body is always reachable; the typed accessors look where deliveries were seen to put
 * things and return empty when the payload does not fit. Immutable; {@link #toString()} shows no personal data.
 *
 * <p>Acknowledge fast (answer 2xx, then work) and de-duplicate by {@link #dedupeKey()}: a delivery may come twice.
 */
public final class GoAffProWebhookEvent {

    private final String event;
    private final JsonNode raw;
    private final Order order;
    private final Affiliate affiliate;
    private final String affiliateEmail;

    GoAffProWebhookEvent(String event, JsonNode raw) {
        this.event = event;
        this.raw = raw;
        this.order = read(orderNode(raw), true);
        this.affiliate = read(affiliateNode(raw), false);
        String email = affiliate != null ? affiliate.email() : null;
        if (email == null) {
            email = safeText(raw, "affiliate_email");
        }
        if (email == null && raw.path("data").isObject()) {
            email = safeText(raw.get("data"), "affiliate_email");
        }
        this.affiliateEmail = email;
    }

    private static JsonNode orderNode(JsonNode root) {
        if (root.path("order").isObject()) {
            return root.get("order");
        }
        JsonNode data = root.path("data");
        if (data.isObject() && looksLikeOrder(data)) {
            return data;
        }
        return looksLikeOrder(root) ? root : null;
    }

    private static JsonNode affiliateNode(JsonNode root) {
        if (root.path("affiliate").isObject()) {
            return root.get("affiliate");
        }
        JsonNode data = root.path("data");
        if (data.isObject() && looksLikeAffiliate(data)) {
            return data;
        }
        return looksLikeAffiliate(root) ? root : null;
    }

    private static boolean looksLikeOrder(JsonNode n) {
        return n.has("number") || n.has("total") || n.has("commission") && n.has("affiliate_id");
    }

    private static boolean looksLikeAffiliate(JsonNode n) {
        return n.has("email") && !looksLikeOrder(n);
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(JsonNode node, boolean isOrder) {
        if (node == null) {
            return null;
        }
        try {
            return (T) (isOrder ? Order.from(node) : Affiliate.from(node));
        } catch (IllegalArgumentException doesNotFit) {
            // An undocumented payload that does not fit the model: still reachable through raw().
            return null;
        }
    }

    private static String safeText(JsonNode node, String field) {
        try {
            return Lenient.text(node, field);
        } catch (IllegalArgumentException notText) {
            return null;
        }
    }

    /** @return the event name, from the {@code x-goaffpro-event} header or the body's {@code event/type/topic} */
    public Optional<String> event() {
        return Optional.ofNullable(event);
    }

    /** @return a copy of the whole body */
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /** @return the order of an order event ({@code order}, {@code data} or the body itself), when it fits */
    public Optional<Order> order() {
        return Optional.ofNullable(order);
    }

    /** @return the affiliate of an affiliate event ({@code affiliate}, {@code data} or the body), when it fits */
    public Optional<Affiliate> affiliate() {
        return Optional.ofNullable(affiliate);
    }

    /** @return the affiliate's e-mail address ({@code affiliate.email}, else {@code affiliate_email}) */
    public Optional<String> affiliateEmail() {
        return Optional.ofNullable(affiliateEmail);
    }

    /**
     * The key to de-duplicate deliveries by: the event with the order's id (else its number), else the
     * affiliate's id, else empty.
     *
     * @return e.g. {@code orders/after:order:8812}
     */
    public Optional<String> dedupeKey() {
        String prefix = (event == null ? "event" : event) + ":";
        if (order != null) {
            return Optional.of(prefix + "order:" + order.id());
        }
        if (affiliate != null) {
            return Optional.of(prefix + "affiliate:" + affiliate.id());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "GoAffProWebhookEvent{event=" + event + (order != null ? ", order=" + order.id() : "")
                + (affiliate != null ? ", affiliate=" + affiliate.id() : "") + '}';
    }
}
