package com.rabaislocal.sdk.spring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Matches when a webhook endpoint's secret ({@code rabaislocal.webhooks.<name>.secret}) is set and not blank. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnWebhookCondition.class)
@interface ConditionalOnWebhook {

    /** @return the endpoint */
    WebhookEndpoint value();
}
