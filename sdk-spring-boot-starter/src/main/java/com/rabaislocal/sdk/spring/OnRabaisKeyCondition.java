package com.rabaislocal.sdk.spring;

import com.rabaislocal.sdk.core.config.ConfigKey;
import com.rabaislocal.sdk.spring.internal.SpringSources;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnRabaisKey}. */
class OnRabaisKeyCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConfigKey key = (ConfigKey) metadata.getAnnotationAttributes(ConditionalOnRabaisKey.class.getName())
                .get("value");
        boolean set = SpringSources.lookup(context.getEnvironment(), key).isPresent();
        return set ? ConditionOutcome.match(key.name() + " is set")
                : ConditionOutcome.noMatch(key.name() + " (" + SpringSources.propertyName(key) + ") is not set");
    }
}
