package com.rabaislocal.sdk.spring.web;

import com.rabaislocal.sdk.webhooks.HandlerResult;
import com.rabaislocal.sdk.webhooks.WebhookEvent;
import com.rabaislocal.sdk.webhooks.WebhookHandler;
import java.util.Objects;

/**
 * The application's handler for one of the webhook endpoints the starter mounts ({@code mailersend},
 * {@code goaffpro}, {@code make}). Declare one bean per endpoint:
 * <pre>{@code
 * @Bean
 * RabaisWebhookHandler mailerSendEvents() {
 *     return RabaisWebhookHandler.of("mailersend", event -> HandlerResult.later(() -> store(event)));
 * }
 * }</pre>
 * The receiver has already checked method, size, block list, rate limit, signature, payload and duplicates when
 * the handler runs.
 */
public interface RabaisWebhookHandler extends WebhookHandler {

    /** @return the endpoint this handler serves: {@code mailersend}, {@code goaffpro} or {@code make} */
    String webhook();

    /**
     * A handler for an endpoint.
     *
     * @param webhook the endpoint's name
     * @param handler what to do with each event
     * @return the handler
     */
    static RabaisWebhookHandler of(String webhook, WebhookHandler handler) {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(handler, "handler");
        return new RabaisWebhookHandler() {
            @Override
            public String webhook() {
                return webhook;
            }

            @Override
            public HandlerResult handle(WebhookEvent event) throws Exception {
                return handler.handle(event);
            }

            @Override
            public String toString() {
                return "RabaisWebhookHandler[" + webhook + "]";
            }
        };
    }
}
