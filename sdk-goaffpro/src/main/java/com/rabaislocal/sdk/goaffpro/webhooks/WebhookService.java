package com.rabaislocal.sdk.goaffpro.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import java.net.URI;
import java.util.List;

/**
 * The webhook subscriptions ({@code /admin/webhooks}). GoAffPro does not publish its topics; {@code orders/after}
 * is the one documented. Webhooks may need a paid plan. A cheap view; thread-safe.
 */
public final class WebhookService {

    /** The one documented topic: after an order is recorded. */
    public static final String ORDERS_AFTER = "orders/after";
    private static final String PATH = "/admin/webhooks";

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public WebhookService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /** @return every subscription */
    public List<Webhook> list() {
        return calls.list(Requests.get("webhooks.list", PATH).build(), "webhooks", Webhook::from);
    }

    /**
     * Subscribes a URL to a topic. To authenticate deliveries, put a shared secret in the URL with
     * {@link WebhookUrlToken#appendTo(String)} and check it with {@link WebhookUrlToken#matchesQuery(String)}.
     *
     * @param topic the topic, e.g. {@link #ORDERS_AFTER}
     * @param url an https URL (http only for loopback)
     * @return the new subscription's id
     */
    public String create(String topic, String url) {
        String problem = urlProblem(url);
        if (problem != null) {
            throw new ValidationException("url", problem);
        }
        ObjectNode body = SdkJson.mapper().createObjectNode().put("topic", Requests.id("topic", topic))
                .put("url", url.strip());
        return calls.call(Requests.post("webhooks.create", PATH).jsonBody(body).build(),
                root -> GoAffProHttp.requireId(root, "id"));
    }

    /**
     * Removes a subscription.
     *
     * @param id the subscription id
     */
    public void delete(String id) {
        calls.call(Requests.delete("webhooks.delete", PATH).pathSegment(Requests.id("id", id)).build(), root -> root);
    }

    private static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        try {
            URI u = new URI(url.strip());
            String host = u.getHost();
            if (host == null) {
                return "has no host";
            }
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            if (!"https".equalsIgnoreCase(u.getScheme()) && !("http".equalsIgnoreCase(u.getScheme()) && loopback)) {
                return "must be https (http only for loopback)";
            }
            return null;
        } catch (java.net.URISyntaxException e) {
            // The URL is not echoed: it may hold the shared-secret token.
            return "is not a URL";
        }
    }
}
