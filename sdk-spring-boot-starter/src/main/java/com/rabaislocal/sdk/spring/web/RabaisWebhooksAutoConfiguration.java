package com.rabaislocal.sdk.spring.web;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.spring.RabaisLocalProperties;
import com.rabaislocal.sdk.spring.RabaisSdkAutoConfiguration;
import com.rabaislocal.sdk.webhooks.ClientIpResolver;
import com.rabaislocal.sdk.webhooks.WebhookReceiver;
import com.rabaislocal.sdk.webhooks.api.ApiRateLimiter;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.servlet.ApiRateLimitFilter;
import com.rabaislocal.sdk.webhooks.servlet.WebhookServlet;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The standard webhook template and the API rate limit in a servlet application: the shared {@link StateStore}
 * (Redis on the application's Spring Data Redis Lettuce connection, else on {@code rabaislocal.state.redis-url},
 * else memory), one {@link WebhookReceiver} mounted per endpoint whose secret is set (MailerSend, GoAffPro, Make,
 * at {@code rabaislocal.webhooks.<name>.path}), and the API rate limit as a filter on every other path.
 */
@AutoConfiguration(after = RabaisSdkAutoConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({WebhookReceiver.class, WebhookServlet.class, ServletRegistrationBean.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RabaisWebhooksAutoConfiguration {

    /** The bean name of the shared state. */
    public static final String STATE_STORE = "rabaisStateStore";

    /** The state on the application's Spring Data Redis connection, when it has one (Lettuce, standalone). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({LettuceConnectionFactory.class, RedisClient.class})
    @ConditionalOnBean(LettuceConnectionFactory.class)
    @ConditionalOnExpression("'${rabaislocal.state.store:auto}'.toLowerCase() != 'memory'")
    static class SpringRedisState {

        @Bean(name = STATE_STORE)
        @ConditionalOnMissingBean(name = STATE_STORE)
        StateStore rabaisStateStore(LettuceConnectionFactory redis, RabaisLocalProperties properties) {
            AbstractRedisClient client = redis.getRequiredNativeClient();
            if (!(client instanceof RedisClient standalone)) {
                throw new ConfigException("rabaislocal.state.store: the Spring Data Redis connection is a "
                        + client.getClass().getSimpleName() + "; the rate limits need a standalone Redis"
                        + " (set rabaislocal.state.redis-url, or rabaislocal.state.store=memory)");
            }
            // The factory owns the client and closes it after this store, which depends on it.
            return StateStore.redis(standalone, properties.state().keyPrefix(), Clock.systemUTC(),
                    StateStore.DEFAULT_REDIS_TIMEOUT);
        }
    }

    /**
     * The state when no Spring Data Redis connection serves it: on {@code rabaislocal.state.redis-url} (a client
     * of its own, closed with the store), else in memory.
     *
     * @param properties the starter's properties
     * @return the store
     * @throws ConfigException when {@code rabaislocal.state.store=redis} and no Redis is configured
     */
    @Bean(name = STATE_STORE)
    @ConditionalOnMissingBean(name = STATE_STORE)
    public StateStore rabaisStateStore(RabaisLocalProperties properties) {
        RabaisLocalProperties.State s = properties.state();
        if (s.redisUrl() != null && !s.redisUrl().isBlank() && s.store() != RabaisLocalProperties.Store.MEMORY) {
            return StateStore.redis(s.redisUrl().strip(), s.keyPrefix());
        }
        if (s.store() == RabaisLocalProperties.Store.REDIS) {
            throw new ConfigException("rabaislocal.state.store is redis, but there is no Spring Data Redis Lettuce"
                    + " connection and rabaislocal.state.redis-url is not set");
        }
        return StateStore.inMemory();
    }

    /**
     * How the client IP is found: the peer address, or X-Forwarded-For from {@code rabaislocal.webhooks.trusted-proxies}.
     *
     * @param properties the starter's properties
     * @return the resolver
     */
    @Bean
    @ConditionalOnMissingBean
    public ClientIpResolver rabaisClientIpResolver(RabaisLocalProperties properties) {
        var proxies = properties.webhooks().trustedProxies();
        return proxies.isEmpty() ? ClientIpResolver.direct() : ClientIpResolver.trustingProxies(proxies);
    }

    /** MailerSend's endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebhook(WebhookEndpoint.MAILERSEND)
    static class MailerSendWebhook {
        @Bean
        WebhookReceiver mailerSendWebhookReceiver(RabaisLocalProperties p, @Qualifier(STATE_STORE) StateStore s,
                                                  ClientIpResolver ip, ObjectProvider<RabaisWebhookHandler> h) {
            return WebhookEndpoint.MAILERSEND.receiver(p, s, ip, h);
        }

        @Bean
        ServletRegistrationBean<WebhookServlet> mailerSendWebhookServlet(
                @Qualifier("mailerSendWebhookReceiver") WebhookReceiver r, RabaisLocalProperties p) {
            return servlet(WebhookEndpoint.MAILERSEND, r, p);
        }
    }

    /** GoAffPro's endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebhook(WebhookEndpoint.GOAFFPRO)
    static class GoAffProWebhook {
        @Bean
        WebhookReceiver goAffProWebhookReceiver(RabaisLocalProperties p, @Qualifier(STATE_STORE) StateStore s,
                                                ClientIpResolver ip, ObjectProvider<RabaisWebhookHandler> h) {
            return WebhookEndpoint.GOAFFPRO.receiver(p, s, ip, h);
        }

        @Bean
        ServletRegistrationBean<WebhookServlet> goAffProWebhookServlet(
                @Qualifier("goAffProWebhookReceiver") WebhookReceiver r, RabaisLocalProperties p) {
            return servlet(WebhookEndpoint.GOAFFPRO, r, p);
        }
    }

    /** Make.com's endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebhook(WebhookEndpoint.MAKE)
    static class MakeWebhook {
        @Bean
        WebhookReceiver makeWebhookReceiver(RabaisLocalProperties p, @Qualifier(STATE_STORE) StateStore s,
                                            ClientIpResolver ip, ObjectProvider<RabaisWebhookHandler> h) {
            return WebhookEndpoint.MAKE.receiver(p, s, ip, h);
        }

        @Bean
        ServletRegistrationBean<WebhookServlet> makeWebhookServlet(
                @Qualifier("makeWebhookReceiver") WebhookReceiver r, RabaisLocalProperties p) {
            return servlet(WebhookEndpoint.MAKE, r, p);
        }
    }

    static ServletRegistrationBean<WebhookServlet> servlet(WebhookEndpoint e, WebhookReceiver receiver,
                                                          RabaisLocalProperties properties) {
        ServletRegistrationBean<WebhookServlet> r = new ServletRegistrationBean<>(new WebhookServlet(receiver),
                e.path(properties));
        r.setName("rabaislocal-webhook-" + e.id());
        return r;
    }

    /**
     * The API rate limit ({@code rabaislocal.rate-limit.per-minute}, 100 by default) on the shared state.
     *
     * @param properties the starter's properties
     * @param state the shared state
     * @return the limiter
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "rabaislocal.rate-limit", name = "enabled", matchIfMissing = true)
    public ApiRateLimiter rabaisApiRateLimiter(RabaisLocalProperties properties,
                                               @Qualifier(STATE_STORE) StateStore state) {
        return ApiRateLimiter.builder().stateStore(state)
                .defaultLimit(RateLimit.perMinute(properties.rateLimit().perMinute())).build();
    }

    /**
     * The filter, early in the chain, on {@code rabaislocal.rate-limit.url-patterns} except the webhook paths.
     *
     * @param limiter the limiter
     * @param ipResolver how the client IP is found
     * @param properties the starter's properties
     * @return the registration
     */
    @Bean
    @ConditionalOnProperty(prefix = "rabaislocal.rate-limit", name = "enabled", matchIfMissing = true)
    public FilterRegistrationBean<WebhookPathsSkippingFilter> rabaisApiRateLimitFilter(
            ApiRateLimiter limiter, ClientIpResolver ipResolver, RabaisLocalProperties properties) {
        FilterRegistrationBean<WebhookPathsSkippingFilter> r = new FilterRegistrationBean<>(
                new WebhookPathsSkippingFilter(new ApiRateLimitFilter(limiter, ipResolver),
                        WebhookEndpoint.mountedPaths(properties)));
        r.setName("rabaislocal-api-rate-limit");
        r.setUrlPatterns(properties.rateLimit().urlPatterns());
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return r;
    }
}
