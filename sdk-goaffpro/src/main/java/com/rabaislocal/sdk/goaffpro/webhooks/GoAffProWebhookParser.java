package com.rabaislocal.sdk.goaffpro.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads GoAffPro webhook deliveries from the raw body and the headers, with nothing else needed: usable by any
 * receiver (the SDK's webhook module, a servlet, a function). No signature is checked, since GoAffPro documents
 * none; pair it with {@link WebhookUrlToken} to authenticate deliveries. Stateless and thread-safe.
 */
public final class GoAffProWebhookParser {

    /** The header some deliveries name the event in. */
    public static final String EVENT_HEADER = "x-goaffpro-event";
    /** The largest body read, in bytes (1 MiB): a delivery is a small JSON object. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private GoAffProWebhookParser() {
    }

    /**
     * Parses a delivery.
     *
     * @param body the raw body bytes
     * @param headers the delivery's headers, names in any case; may be empty
     * @return the event
     * @throws RabaisSdkException when the body is empty, too large or not a JSON object (answer 400)
     */
    public static GoAffProWebhookEvent parse(byte[] body, Map<String, List<String>> headers) {
        if (body == null || body.length == 0) {
            throw new RabaisSdkException("goaffpro webhook: the body is empty");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new RabaisSdkException("goaffpro webhook: the body is " + body.length + " bytes, over the limit of "
                    + MAX_BODY_BYTES);
        }
        JsonNode root;
        try {
            root = Lenient.treeReader().readTree(body);
        } catch (IOException e) {
            throw new RabaisSdkException("goaffpro webhook: the body is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new RabaisSdkException("goaffpro webhook: the body is not a JSON object");
        }
        String event = header(headers, EVENT_HEADER);
        for (String key : new String[] {"event", "type", "topic"}) {
            if (event == null) {
                try {
                    event = Lenient.text(root, key);
                } catch (IllegalArgumentException notText) {
                    // An object under "type": not an event name.
                }
            }
        }
        return new GoAffProWebhookEvent(event == null ? null : event.strip(), root);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().toLowerCase(Locale.ROOT).equals(name) && h.getValue() != null) {
                for (String v : h.getValue()) {
                    if (v != null && !v.isBlank()) {
                        return v;
                    }
                }
            }
        }
        return null;
    }
}
