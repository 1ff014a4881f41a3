package com.rabaislocal.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import com.rabaislocal.sdk.spring.web.RabaisWebMvcAutoConfiguration;
import com.rabaislocal.sdk.spring.web.RabaisWebhookHandler;
import com.rabaislocal.sdk.spring.web.RabaisWebhooksAutoConfiguration;
import com.rabaislocal.sdk.spring.web.SdkExceptionHandler;
import com.rabaislocal.sdk.webhooks.HandlerResult;
import com.rabaislocal.sdk.webhooks.WebhookReceiver;
import com.rabaislocal.sdk.webhooks.api.ApiRateLimiter;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.servlet.WebhookServlet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

class WebAutoConfigurationTest {

    private static final AutoConfigurations CONFIGS = AutoConfigurations.of(RabaisSdkAutoConfiguration.class,
            RabaisSupabaseAutoConfiguration.class, RabaisWebhooksAutoConfiguration.class,
            RabaisWebMvcAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(CONFIGS);

    @Configuration(proxyBeanMethods = false)
    static class Handlers {
        @Bean
        RabaisWebhookHandler mailerSendEvents() {
            return RabaisWebhookHandler.of("mailersend", event -> HandlerResult.processed());
        }
    }

    @Test
    void notAWebApplicationNothingWebIsCreated() {
        new ApplicationContextRunner().withConfiguration(CONFIGS)
                .withPropertyValues("rabaislocal.webhooks.mailersend.secret=whsec-test")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(StateStore.class)
                        .doesNotHaveBean(WebhookReceiver.class).doesNotHaveBean(ApiRateLimiter.class)
                        .doesNotHaveBean(SdkExceptionHandler.class));
    }

    @Test
    void webWithNoWebhookSecretHasTheRateLimitInMemoryAndTheProblemDetails() {
        web.run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(ApiRateLimiter.class).hasSingleBean(SdkExceptionHandler.class)
                    .doesNotHaveBean(WebhookReceiver.class).doesNotHaveBean(ServletRegistrationBean.class);
            assertThat(ctx.getBean(StateStore.class).getClass().getSimpleName()).isEqualTo("InMemoryStateStore");
            assertThat(ctx.getBean("rabaisApiRateLimitFilter", FilterRegistrationBean.class).getUrlPatterns())
                    .containsExactly("/*");
        });
    }

    @Test
    void rateLimitCanBeTurnedOff() {
        web.withPropertyValues("rabaislocal.rate-limit.enabled=false").run(ctx -> assertThat(ctx).hasNotFailed()
                .doesNotHaveBean(ApiRateLimiter.class).doesNotHaveBean("rabaisApiRateLimitFilter"));
    }

    @Test
    void aWebhookWithASecretAndAHandlerIsMountedAtItsPath() {
        web.withUserConfiguration(Handlers.class)
                .withPropertyValues("rabaislocal.webhooks.mailersend.secret=whsec-test",
                        "rabaislocal.webhooks.mailersend.path=/hooks/email")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasBean("mailerSendWebhookReceiver")
                            .doesNotHaveBean("goAffProWebhookReceiver").doesNotHaveBean("makeWebhookReceiver");
                    @SuppressWarnings("unchecked")
                    ServletRegistrationBean<WebhookServlet> r = ctx.getBean("mailerSendWebhookServlet",
                            ServletRegistrationBean.class);
                    assertThat(r.getUrlMappings()).containsExactly("/hooks/email");
                });
    }

    @Test
    void aWebhookSecretWithoutHandlerStopsTheStart() {
        web.withPropertyValues("rabaislocal.webhooks.goaffpro.secret=token-test").run(ctx -> {
            assertThat(ctx).hasFailed();
            Throwable root = SupabaseAutoConfigurationTest.rootCause(ctx.getStartupFailure());
            assertThat(root).isInstanceOf(ConfigException.class).hasMessageContaining("rabaislocal.webhooks.goaffpro")
                    .hasMessageContaining("/webhooks/goaffpro").hasMessageNotContaining("token-test");
        });
    }

    @Test
    void aRedisUrlPutsTheStateOnRedis() {
        web.withPropertyValues("rabaislocal.state.redis-url=redis://127.0.0.1:6379/0").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(StateStore.class).getClass().getSimpleName()).isEqualTo("RedisStateStore");
            // It answers: a check goes through Redis.
            assertThat(ctx.getBean(ApiRateLimiter.class).check("192.0.2.10", "GET", "/offers", null).allowed())
                    .isTrue();
        });
    }

    @Test
    void springDataRedisIsUsedWhenTheApplicationHasIt() {
        web.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(LettuceConnectionFactory.class);
                    assertThat(ctx.getBean(StateStore.class).getClass().getSimpleName())
                            .isEqualTo("RedisStateStore");
                    assertThat(ctx.getBean(ApiRateLimiter.class).check("192.0.2.11", "GET", "/offers", null)
                            .allowed()).isTrue();
                });
    }

    @Test
    void memoryCanBeForcedBesideSpringDataRedis() {
        web.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.host=127.0.0.1", "rabaislocal.state.store=memory")
                .run(ctx -> assertThat(ctx.getBean(StateStore.class).getClass().getSimpleName())
                        .isEqualTo("InMemoryStateStore"));
    }

    @Test
    void redisAskedForButNoneConfiguredStopsTheStart() {
        web.withClassLoader(new FilteredClassLoader(LettuceConnectionFactory.class))
                .withPropertyValues("rabaislocal.state.store=redis").run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(SupabaseAutoConfigurationTest.rootCause(ctx.getStartupFailure()))
                            .isInstanceOf(ConfigException.class).hasMessageContaining("rabaislocal.state.redis-url");
                });
    }
}
