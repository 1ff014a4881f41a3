package com.rabaislocal.sdk.spring;

import com.rabaislocal.sdk.core.config.ConfigKey;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when one configuration key is set, under its Spring name ({@code rabaislocal.supabase.service-role-key})
 * or the seed's variable name ({@code SUPABASE_SERVICE_ROLE_KEY}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnRabaisKeyCondition.class)
public @interface ConditionalOnRabaisKey {

    /** @return the key that must be set */
    ConfigKey value();
}
