package com.rabaislocal.sdk.examples.spring;

import com.rabaislocal.sdk.spring.web.RabaisWebhookHandler;
import com.rabaislocal.sdk.webhooks.HandlerResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MailerSend's delivery events, received on {@code /webhooks/mailersend} once
 * {@code rabaislocal.webhooks.mailersend.secret} (RABAISLOCAL_WEBHOOKS_MAILERSEND_SECRET) is set. The starter's
 * receiver has checked the signature, the rate limit, the payload and duplicates before
 * {@link #mailerSendEvents() the handler} runs.
 */
@Configuration(proxyBeanMethods = false)
public class EmailEvents {

    private final List<String> received = new CopyOnWriteArrayList<>();

    /** @return the event types received so far, oldest first */
    public List<String> received() {
        return List.copyOf(received);
    }

    /**
     * The handler of the MailerSend endpoint.
     *
     * @return the handler
     */
    @Bean
    public RabaisWebhookHandler mailerSendEvents() {
        return RabaisWebhookHandler.of("mailersend", event -> {
            received.add(event.eventType().orElse("unknown"));
            return HandlerResult.processed();
        });
    }
}
