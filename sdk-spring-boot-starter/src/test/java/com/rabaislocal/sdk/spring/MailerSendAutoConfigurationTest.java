package com.rabaislocal.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import com.rabaislocal.sdk.mailersend.emails.Recipient;
import com.rabaislocal.sdk.mailersend.template.EmailKind;
import com.rabaislocal.sdk.mailersend.template.EmailLocale;
import com.rabaislocal.sdk.mailersend.template.NoticeEmail;
import com.rabaislocal.sdk.mailersend.template.TemplateIds;
import com.rabaislocal.sdk.mailersend.template.TransactionalMailer;
import com.rabaislocal.sdk.monitoring.alerts.AlertRule;
import com.rabaislocal.sdk.monitoring.alerts.Alerts;
import com.rabaislocal.sdk.monitoring.alerts.EmailAlertChannel;
import com.rabaislocal.sdk.monitoring.alerts.Severity;
import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.monitoring.health.HealthStatus;
import com.rabaislocal.sdk.spring.alerts.RabaisAlertsAutoConfiguration;
import com.rabaislocal.sdk.spring.health.RabaisHealthAutoConfiguration;
import com.rabaislocal.sdk.spring.health.SdkHealthIndicator;
import com.rabaislocal.sdk.spring.mailersend.RabaisMailerSendAutoConfiguration;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import com.rabaislocal.sdk.testing.mailersend.MailerSendStandIn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MailerSendAutoConfigurationTest {

    private static final String TOKEN = "mlsn.starter_test_token_0123456789";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabaisSdkAutoConfiguration.class,
                    RabaisSupabaseAutoConfiguration.class, RabaisMailerSendAutoConfiguration.class,
                    RabaisHealthAutoConfiguration.class, RabaisAlertsAutoConfiguration.class));

    private static String[] configured(MailerSendStandIn ms) {
        return new String[] {"MAILERSEND_API_KEY=" + TOKEN, "MAILERSEND_BASE_URL=" + ms.baseUrl(),
            "MAILERSEND_DOMAIN=rabaislocal.com", "rabaislocal.alerts.every=1h"};
    }

    /** Every template in both locales and every environment, as the application declares them. */
    @Configuration(proxyBeanMethods = false)
    static class Templates {
        @Bean
        TemplateIds templateIds() {
            TemplateIds.Builder ids = TemplateIds.builder();
            for (EmailKind k : EmailKind.values()) {
                for (EmailLocale l : EmailLocale.values()) {
                    ids.everywhere(k, l, "tpl-" + k.key() + "-" + l.tag());
                }
            }
            return ids.build();
        }
    }

    /** A rule that always fires, to drive the alerts' email channel. */
    @Configuration(proxyBeanMethods = false)
    static class FiringRule {
        @Bean
        AlertRule alwaysFiring() {
            return new AlertRule() {
                @Override
                public String name() {
                    return "always";
                }

                @Override
                public Severity severity() {
                    return Severity.CRITICAL;
                }

                @Override
                public Evaluation evaluate(Instant now) {
                    return Evaluation.firing("fires on every evaluation");
                }
            };
        }
    }

    /** The emails of the test's rule (a busy machine may fire the seed's cpu rule too). */
    private static List<MailerSendStandIn.SentEmail> ofRule(MailerSendStandIn ms) {
        return ms.outbox().stream().filter(e -> e.body().path("subject").asText().endsWith("FIRING always"))
                .toList();
    }

    @Test
    void configuredGivesTheClientAndItsHealthCheckButNoTemplateWithoutTemplateIds() throws Exception {
        try (MailerSendStandIn ms = MailerSendStandIn.start(TOKEN)) {
            runner.withPropertyValues(configured(ms)).run(ctx -> {
                assertThat(ctx).hasNotFailed().hasSingleBean(MailerSendClient.class)
                        .hasBean(RabaisHealthAutoConfiguration.MAILERSEND_CHECK)
                        .hasBean("mailerSendHealthIndicator")
                        .doesNotHaveBean(TransactionalMailer.class)
                        .doesNotHaveBean(EmailAlertChannel.AlertMailer.class);
                MailerSendClient client = ctx.getBean(MailerSendClient.class);
                client.emails().send(EmailSendParams.builder().from("notifications@rabaislocal.com", "RabaisLocal")
                        .to("chloe@example.com", "Chloé").subject("Bonjour").text("Bonjour Chloé").build())
                        .requireSent();
                assertThat(ms.outbox()).singleElement().satisfies(e ->
                        assertThat(e.recipients()).containsExactly("chloe@example.com"));
                HealthCheck check = ctx.getBean(RabaisHealthAutoConfiguration.MAILERSEND_CHECK, HealthCheck.class);
                assertThat(check.check().status()).isEqualTo(HealthStatus.UP);
                HealthIndicator indicator = ctx.getBean("mailerSendHealthIndicator", HealthIndicator.class);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                assertThat(indicator.health().getDetails().toString()).doesNotContain(TOKEN);
            });
        }
    }

    @Test
    void notConfiguredOrDisabledGivesNoMailerSendBean() throws Exception {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(MailerSendClient.class)
                .doesNotHaveBean(RabaisHealthAutoConfiguration.MAILERSEND_CHECK)
                .doesNotHaveBean(SdkHealthIndicator.class));
        try (MailerSendStandIn ms = MailerSendStandIn.start(TOKEN)) {
            runner.withPropertyValues(configured(ms)).withPropertyValues("rabaislocal.mailersend.enabled=false",
                            "rabaislocal.alerts.email-to=oncall@rabaislocal.com")
                    .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(MailerSendClient.class)
                            .doesNotHaveBean(EmailAlertChannel.AlertMailer.class));
        }
    }

    @Test
    void theTemplateSendsFromTheDomainAndIsAuditedToTheLogWithoutSupabase() throws Exception {
        try (MailerSendStandIn ms = MailerSendStandIn.start(TOKEN)) {
            runner.withUserConfiguration(Templates.class).withPropertyValues(configured(ms)).run(ctx -> {
                assertThat(ctx).hasNotFailed().hasSingleBean(TransactionalMailer.class);
                ctx.getBean(TransactionalMailer.class).send(new NoticeEmail("Bienvenue", "Votre compte est prêt",
                        null, null), Recipient.of("chloe@example.com", "Chloé"), EmailLocale.FR_CA, "user-1");
                JsonNode body = ms.outbox().get(0).body();
                assertThat(body.path("template_id").asText()).isEqualTo("tpl-notice-fr-CA");
                assertThat(body.path("from").path("email").asText()).isEqualTo("notifications@rabaislocal.com");
                assertThat(ms.outbox().get(0).personalization("chloe@example.com").path("title").asText())
                        .isEqualTo("Bienvenue");
            });
        }
    }

    @Test
    void aFiringAlertIsEmailedThroughTheTemplateToEveryRecipient() throws Exception {
        try (MailerSendStandIn ms = MailerSendStandIn.start(TOKEN)) {
            runner.withUserConfiguration(Templates.class, FiringRule.class).withPropertyValues(configured(ms))
                    .withPropertyValues("rabaislocal.alerts.email-to=dany@rabaislocal.com, oncall@rabaislocal.com")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed().hasSingleBean(EmailAlertChannel.AlertMailer.class);
                        ctx.getBean(Alerts.class).evaluate();
                        List<MailerSendStandIn.SentEmail> sent = ofRule(ms);
                        assertThat(sent).hasSize(2);
                        assertThat(sent).allSatisfy(e -> assertThat(e.body().path("template_id").asText())
                                .isEqualTo("tpl-notice-fr-CA"));
                        assertThat(sent.stream().flatMap(e -> e.recipients().stream()))
                                .containsExactly("dany@rabaislocal.com", "oncall@rabaislocal.com");
                        assertThat(sent.get(0).personalization("dany@rabaislocal.com").path("title").asText())
                                .isEqualTo("[CRITICAL] FIRING always");
                    });
        }
    }

    @Test
    void withoutTemplatesAnAlertIsOnePlainEmailFromTheDomain() throws Exception {
        try (MailerSendStandIn ms = MailerSendStandIn.start(TOKEN)) {
            runner.withUserConfiguration(FiringRule.class).withPropertyValues(configured(ms))
                    .withPropertyValues("rabaislocal.alerts.email-to[0]=oncall@rabaislocal.com")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed().hasSingleBean(EmailAlertChannel.AlertMailer.class);
                        ctx.getBean(Alerts.class).evaluate();
                        List<MailerSendStandIn.SentEmail> sent = ofRule(ms);
                        assertThat(sent).hasSize(1);
                        JsonNode body = sent.get(0).body();
                        assertThat(body.path("template_id").isMissingNode()).isTrue();
                        assertThat(body.path("subject").asText()).isEqualTo("[CRITICAL] FIRING always");
                        assertThat(body.path("from").path("email").asText())
                                .isEqualTo("notifications@rabaislocal.com");
                        assertThat(sent.get(0).recipients()).containsExactly("oncall@rabaislocal.com");
                    });
        }
    }
}
