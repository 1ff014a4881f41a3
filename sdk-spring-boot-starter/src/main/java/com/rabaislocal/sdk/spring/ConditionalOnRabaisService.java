package com.rabaislocal.sdk.spring;

import com.rabaislocal.sdk.core.config.Service;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the application configures a service: at least one of its keys is set (as
 * {@code rabaislocal.<service>.*}, {@code RABAISLOCAL_<SERVICE>_*} or the seed's variable, e.g.
 * {@code SUPABASE_URL}) and {@code rabaislocal.<service>.enabled} is not {@code false}. A service half configured
 * still matches, so that start-up fails with the SDK's message naming what is missing.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnRabaisServiceCondition.class)
public @interface ConditionalOnRabaisService {

    /** @return the service that must be configured */
    Service value();
}
