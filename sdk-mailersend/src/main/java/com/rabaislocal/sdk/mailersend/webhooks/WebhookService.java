package com.rabaislocal.sdk.mailersend.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.mailersend.ListParams;
import com.rabaislocal.sdk.mailersend.internal.Json;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;
import java.util.Optional;

/**
 * Webhook subscriptions: {@code GET/POST /webhooks}, {@code GET/PUT/DELETE /webhooks/{id}}. The signing secret
 * MailerSend returns is a {@link Secret}. A cheap view; thread-safe.
 */
public final class WebhookService {

    private final MailerSendHttp http;

    /**
     * @param http the module's calls
     */
    public WebhookService(MailerSendHttp http) {
        this.http = http;
    }

    /**
     * The webhooks of a domain, lazily.
     *
     * @param domainId the domain (MailerSend requires it)
     * @return the pager
     */
    public AutoPager<Webhook> list(String domainId) {
        requireText("domainId", domainId);
        ListParams params = ListParams.forDomain(domainId);
        return http.pager("webhooks.list", () -> params.apply(SdkRequest.builder("GET", "/webhooks")
                .operation("webhooks.list")), params.limit(), WebhookService::read, Webhook::id);
    }

    /**
     * One webhook.
     *
     * @param webhookId the id
     * @return the webhook
     */
    public Webhook get(String webhookId) {
        requireText("webhookId", webhookId);
        MailerSendHttp.Answer a = http.data(SdkRequest.builder("GET", "/webhooks").pathSegment(webhookId)
                .operation("webhooks.get").build());
        return read(a.data(), a);
    }

    /**
     * Creates a webhook. MailerSend pings the URL with a {@code webhook.test} event, which must get a 2xx (see
     * {@link MailerSendWebhooks}). Not retried after the request may have been sent: creating twice makes two
     * webhooks.
     *
     * @param params the webhook
     * @return the webhook, its signing secret included
     * @throws com.rabaislocal.sdk.core.error.UnexpectedResponseException when the answer has no secret
     */
    public Webhook create(WebhookCreateParams params) {
        MailerSendHttp.Answer a = http.data(SdkRequest.builder("POST", "/webhooks").operation("webhooks.create")
                .jsonBody(params.body()).repeatable(false).build());
        Webhook w = read(a.data(), a);
        if (w.signingSecret().isEmpty()) {
            throw a.unexpected("the created webhook has no \"secret\"");
        }
        return w;
    }

    /**
     * Updates a webhook (repeatable: the same change twice is the same state).
     *
     * @param webhookId the id
     * @param params the changes
     * @return the webhook as it now is
     */
    public Webhook update(String webhookId, WebhookUpdateParams params) {
        requireText("webhookId", webhookId);
        MailerSendHttp.Answer a = http.data(SdkRequest.builder("PUT", "/webhooks").pathSegment(webhookId)
                .operation("webhooks.update").jsonBody(params.body()).build());
        return read(a.data(), a);
    }

    /**
     * Deletes a webhook.
     *
     * @param webhookId the id
     */
    public void delete(String webhookId) {
        requireText("webhookId", webhookId);
        http.send(SdkRequest.builder("DELETE", "/webhooks").pathSegment(webhookId).operation("webhooks.delete")
                .build());
    }

    private static void requireText(String field, String v) {
        if (v == null || v.isBlank()) {
            throw new ValidationException(field, "is required");
        }
    }

    static Webhook read(JsonNode n, MailerSendHttp.Answer a) {
        String secret = Json.text(n, "secret");
        // The secret lives only in the Secret: the raw tree a caller may log does not hold it.
        JsonNode kept = n.isObject() && n.has("secret") ? withoutSecret(n) : n;
        String domainId = Json.text(n.path("domain"), "id");
        if (domainId == null) {
            domainId = Json.text(n, "domain_id");
        }
        return new Webhook(a.required(n, "id"), Json.text(n, "url"), Json.text(n, "name"), Json.texts(n, "events"),
                Json.bool(n, "enabled"), Optional.ofNullable(domainId),
                secret == null || secret.isBlank() ? Optional.empty() : Optional.of(Secret.of(secret)),
                Json.instant(n, "created_at"), kept);
    }

    private static JsonNode withoutSecret(JsonNode n) {
        ObjectNode copy = n.deepCopy();
        copy.remove("secret");
        return copy;
    }
}
