package com.rabaislocal.sdk.spring.web;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnWebhook}; never quotes the secret. */
class OnWebhookCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        WebhookEndpoint e = (WebhookEndpoint) metadata.getAnnotationAttributes(ConditionalOnWebhook.class.getName())
                .get("value");
        String name = "rabaislocal.webhooks." + e.id() + ".secret";
        String secret = context.getEnvironment().getProperty(name);
        return secret != null && !secret.isBlank() ? ConditionOutcome.match(name + " is set")
                : ConditionOutcome.noMatch(name + " is not set");
    }
}
