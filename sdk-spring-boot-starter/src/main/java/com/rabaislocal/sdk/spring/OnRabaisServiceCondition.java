package com.rabaislocal.sdk.spring;

import com.rabaislocal.sdk.core.config.Service;
import com.rabaislocal.sdk.spring.internal.SpringSources;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnRabaisService}. */
class OnRabaisServiceCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attrs = metadata.getAnnotationAttributes(ConditionalOnRabaisService.class.getName());
        Service service = (Service) attrs.get("value");
        boolean on = SpringSources.configured(context.getEnvironment(), service);
        return on ? ConditionOutcome.match(service.displayName() + " is configured")
                : ConditionOutcome.noMatch(service.displayName() + " is not configured (no " + service.name()
                        + "_* key set, or rabaislocal." + service.name().toLowerCase(java.util.Locale.ROOT)
                        + ".enabled=false)");
    }
}
