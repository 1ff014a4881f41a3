package com.rabaislocal.sdk.spring.health;

import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.monitoring.health.ServiceHealthChecks;
import com.rabaislocal.sdk.spring.RabaisLocalProperties;
import com.rabaislocal.sdk.spring.goaffpro.RabaisGoAffProAutoConfiguration;
import com.rabaislocal.sdk.spring.mailersend.RabaisMailerSendAutoConfiguration;
import com.rabaislocal.sdk.spring.make.RabaisMakeAutoConfiguration;
import com.rabaislocal.sdk.spring.openai.RabaisOpenAiAutoConfiguration;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link HealthCheck} bean per configured service (from sdk-monitoring; the alert rules use them too) and, when
 * Spring Boot's health module is present (Actuator), one health indicator per check: {@code supabase},
 * {@code goAffPro}, {@code make}, {@code mailerSend}, {@code openAi} under {@code /actuator/health}.
 */
@AutoConfiguration(after = {RabaisSupabaseAutoConfiguration.class, RabaisGoAffProAutoConfiguration.class,
        RabaisMakeAutoConfiguration.class, RabaisMailerSendAutoConfiguration.class,
        RabaisOpenAiAutoConfiguration.class})
@ConditionalOnClass(HealthCheck.class)
public class RabaisHealthAutoConfiguration {

    /** The bean name of the Supabase check. */
    public static final String SUPABASE_CHECK = "supabaseHealthCheck";
    /** The bean name of the GoAffPro check. */
    public static final String GOAFFPRO_CHECK = "goAffProHealthCheck";
    /** The bean name of the Make check. */
    public static final String MAKE_CHECK = "makeHealthCheck";
    /** The bean name of the MailerSend check. */
    public static final String MAILERSEND_CHECK = "mailerSendHealthCheck";
    /** The bean name of the OpenAI check. */
    public static final String OPENAI_CHECK = "openAiHealthCheck";

    /** The models list above which OpenAI is reported degraded. */
    private static final Duration OPENAI_SLOW_ABOVE = Duration.ofSeconds(2);

    private static final String HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

    /** Supabase: a one-row select on {@code rabaislocal.supabase.health.table} and Auth's health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SupabaseClient.class)
    @ConditionalOnBean(name = RabaisSupabaseAutoConfiguration.CLIENT)
    static class SupabaseCheck {

        @Bean(name = SUPABASE_CHECK)
        @ConditionalOnMissingBean(name = SUPABASE_CHECK)
        HealthCheck supabaseHealthCheck(@Qualifier(RabaisSupabaseAutoConfiguration.CLIENT) SupabaseClient client,
                                        RabaisLocalProperties properties) {
            // The publishable client is enough: RLS may hide every row, the round trip is what is measured.
            RabaisLocalProperties.Health h = properties.supabase().health();
            return ServiceHealthChecks.supabase(client, h.table(), h.timeout(), h.slowAbove());
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = HEALTH_INDICATOR)
        static class Indicator {
            @Bean
            SdkHealthIndicator supabaseHealthIndicator(@Qualifier(SUPABASE_CHECK) HealthCheck check) {
                return new SdkHealthIndicator(check);
            }
        }
    }

    /** GoAffPro: reads the store's configuration. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(GoAffProClient.class)
    @ConditionalOnBean(GoAffProClient.class)
    static class GoAffProCheck {

        @Bean(name = GOAFFPRO_CHECK)
        @ConditionalOnMissingBean(name = GOAFFPRO_CHECK)
        HealthCheck goAffProHealthCheck(GoAffProClient client) {
            return HealthCheck.of("goaffpro", ServiceHealthChecks.DEFAULT_TIMEOUT, () -> {
                client.store().config();
                return HealthCheck.Outcome.up("store configuration read");
            });
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = HEALTH_INDICATOR)
        static class Indicator {
            @Bean
            SdkHealthIndicator goAffProHealthIndicator(@Qualifier(GOAFFPRO_CHECK) HealthCheck check) {
                return new SdkHealthIndicator(check);
            }
        }
    }

    /** Make: the token's {@code users/me}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MakeClient.class)
    @ConditionalOnBean(MakeClient.class)
    static class MakeCheck {

        @Bean(name = MAKE_CHECK)
        @ConditionalOnMissingBean(name = MAKE_CHECK)
        HealthCheck makeHealthCheck(MakeClient client) {
            return HealthCheck.of("make", ServiceHealthChecks.DEFAULT_TIMEOUT, () -> {
                client.verifyToken(List.of());
                return HealthCheck.Outcome.up("token accepted");
            });
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = HEALTH_INDICATOR)
        static class Indicator {
            @Bean
            SdkHealthIndicator makeHealthIndicator(@Qualifier(MAKE_CHECK) HealthCheck check) {
                return new SdkHealthIndicator(check);
            }
        }
    }

    /** MailerSend: the API quota (costs no quota); DEGRADED below a tenth of the day's quota. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MailerSendClient.class)
    @ConditionalOnBean(MailerSendClient.class)
    static class MailerSendCheck {

        @Bean(name = MAILERSEND_CHECK)
        @ConditionalOnMissingBean(name = MAILERSEND_CHECK)
        HealthCheck mailerSendHealthCheck(MailerSendClient client) {
            return ServiceHealthChecks.mailerSend(client, ServiceHealthChecks.DEFAULT_TIMEOUT,
                    ServiceHealthChecks.DEFAULT_MAILERSEND_QUOTA_SHARE);
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = HEALTH_INDICATOR)
        static class Indicator {
            @Bean
            SdkHealthIndicator mailerSendHealthIndicator(@Qualifier(MAILERSEND_CHECK) HealthCheck check) {
                return new SdkHealthIndicator(check);
            }
        }
    }

    /** OpenAI: the models list (free, no tokens spent); DEGRADED above 2 s or when rate limited. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenAiClient.class)
    @ConditionalOnBean(OpenAiClient.class)
    static class OpenAiCheck {

        @Bean(name = OPENAI_CHECK)
        @ConditionalOnMissingBean(name = OPENAI_CHECK)
        HealthCheck openAiHealthCheck(OpenAiClient client) {
            return ServiceHealthChecks.openAi(client, ServiceHealthChecks.DEFAULT_TIMEOUT, OPENAI_SLOW_ABOVE);
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = HEALTH_INDICATOR)
        static class Indicator {
            @Bean
            SdkHealthIndicator openAiHealthIndicator(@Qualifier(OPENAI_CHECK) HealthCheck check) {
                return new SdkHealthIndicator(check);
            }
        }
    }
}
