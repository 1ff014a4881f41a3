package com.rabaislocal.sdk.spring;

import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.spring.internal.SpringSources;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The SDK's configuration from the Spring Environment: one {@link SdkConfig} bean, validated when the context
 * starts. Every invalid value of every service, and every missing key of each configured service, is reported at
 * once in the SDK's {@link com.rabaislocal.sdk.core.error.ConfigException}, which then stops the start-up; no
 * message contains a secret. Each service's auto-configuration builds its clients from this bean.
 */
@AutoConfiguration
@ConditionalOnClass(SdkConfig.class)
@EnableConfigurationProperties(RabaisLocalProperties.class)
public class RabaisSdkAutoConfiguration {

    /**
     * The configuration, read live from the Environment (see {@code docs/SPRING-BOOT.md} for the names).
     *
     * @param environment Spring's Environment
     * @return the validated configuration
     */
    @Bean
    @ConditionalOnMissingBean
    public SdkConfig rabaisSdkConfig(Environment environment) {
        return SpringSources.builder(environment).build();
    }
}
