package com.rabaislocal.sdk.goaffpro.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;

/**
 * A webhook subscription ({@code GET /admin/webhooks}): GoAffPro posts to {@link #url()} on {@link #topic()}.
 * {@link #toString()} never shows the URL (it may carry a shared-secret token).
 *
 * @param id the subscription id
 * @param topic the topic, e.g. {@code orders/after}
 * @param url the receiving URL
 */
public record Webhook(String id, String topic, String url) {

    /**
     * Reads a subscription object.
     *
     * @param node the object
     * @return the subscription
     */
    public static Webhook from(JsonNode node) {
        return new Webhook(GoAffProHttp.requireId(node, "id"), Lenient.text(node, "topic"), Lenient.text(node, "url"));
    }

    @Override
    public String toString() {
        return "Webhook{id=" + id + ", topic=" + topic + ", url=<redacted>}";
    }
}
