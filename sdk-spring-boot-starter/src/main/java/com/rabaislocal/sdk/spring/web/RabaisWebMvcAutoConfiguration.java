package com.rabaislocal.sdk.spring.web;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import com.rabaislocal.sdk.supabase.auth.JwtVerifier;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import com.rabaislocal.sdk.webhooks.ClientIpResolver;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC: the SDK's exceptions answered as RFC 9457 problem details ({@link SdkExceptionHandler}) and, when
 * Supabase is configured, {@link SupabaseUser} parameters resolved from the {@code Authorization} header.
 */
@AutoConfiguration(after = {RabaisSupabaseAutoConfiguration.class, RabaisWebhooksAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({WebMvcConfigurer.class, ProblemDetail.class, RabaisSdkException.class})
public class RabaisWebMvcAutoConfiguration {

    /**
     * The exception handler.
     *
     * @return the handler
     */
    @Bean
    @ConditionalOnMissingBean
    public SdkExceptionHandler rabaisSdkExceptionHandler() {
        return new SdkExceptionHandler();
    }

    /** The verified-user parameters. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JwtVerifier.class, ClientIpResolver.class})
    @ConditionalOnBean(JwtVerifier.class)
    static class SupabaseUsers {

        @Bean
        WebMvcConfigurer rabaisSupabaseUserResolver(JwtVerifier verifier, ObjectProvider<SupabaseCrud> crud,
                                                    ObjectProvider<ClientIpResolver> ipResolver) {
            HandlerMethodArgumentResolver resolver = new SupabaseUserArgumentResolver(verifier, crud, ipResolver);
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(resolver);
                }
            };
        }
    }
}
