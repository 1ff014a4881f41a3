package com.rabaislocal.sdk.spring.mailersend;

import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.audit.Slf4jAuditSink;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Service;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.emails.Recipient;
import com.rabaislocal.sdk.mailersend.template.EmailLocale;
import com.rabaislocal.sdk.mailersend.template.TemplateIds;
import com.rabaislocal.sdk.mailersend.template.TransactionalMailer;
import com.rabaislocal.sdk.monitoring.alerts.EmailAlertChannel;
import com.rabaislocal.sdk.monitoring.alerts.MailerSendAlertMailer;
import com.rabaislocal.sdk.spring.ConditionalOnRabaisService;
import com.rabaislocal.sdk.spring.RabaisLocalProperties;
import com.rabaislocal.sdk.spring.RabaisSdkAutoConfiguration;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * MailerSend from the configuration: one {@link MailerSendClient} with every {@link RequestListener} bean; the
 * transactional email template ({@link TransactionalMailer}) when the application declares its {@link TemplateIds},
 * audited through the application's {@link AuditSink} (the Supabase {@code logs_audit} sink when Supabase is
 * configured, else the log); and, when {@code rabaislocal.alerts.email-to} is set, the
 * {@link EmailAlertChannel.AlertMailer} the alerts send their emails through.
 */
@AutoConfiguration(after = {RabaisSdkAutoConfiguration.class, RabaisSupabaseAutoConfiguration.class})
@ConditionalOnClass(MailerSendClient.class)
@ConditionalOnRabaisService(Service.MAILERSEND)
public class RabaisMailerSendAutoConfiguration {

    /**
     * The client.
     *
     * @param config the SDK configuration (MAILERSEND_API_KEY required)
     * @param listeners the listener beans
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public MailerSendClient mailerSendClient(SdkConfig config, ObjectProvider<RequestListener> listeners) {
        return MailerSendClient.fromSettings(config.mailerSend())
                .withOptions(b -> listeners.orderedStream().forEach(b::listener));
    }

    /**
     * RabaisLocal's transactional email template, in the configured environment, sending from
     * {@code notifications@<MAILERSEND_DOMAIN>}. Its start-up check applies: a template id missing for the
     * environment stops the start-up, naming it.
     *
     * @param client the client
     * @param config the SDK configuration (its environment picks the templates and the app URL)
     * @param templateIds the application's template ids
     * @param audit the audit sink, when there is one
     * @return the template
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TemplateIds.class)
    public TransactionalMailer transactionalMailer(MailerSendClient client, SdkConfig config,
                                                   TemplateIds templateIds, ObjectProvider<AuditSink> audit) {
        // Every send is audited: without a sink bean the events still reach the log.
        return TransactionalMailer.builder(client, config.environment()).templateIds(templateIds)
                .audit(audit.getIfAvailable(Slf4jAuditSink::new)).build();
    }

    /** The alerts' email: on the template's generic notice when there is a template, else plain text. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MailerSendAlertMailer.class)
    @Conditional(AlertRecipientsSet.class)
    static class Alerts {

        @Bean
        @ConditionalOnMissingBean(EmailAlertChannel.AlertMailer.class)
        MailerSendAlertMailer mailerSendAlertMailer(MailerSendClient client,
                                                    ObjectProvider<TransactionalMailer> template,
                                                    RabaisLocalProperties properties) {
            List<Recipient> to = properties.alerts().emailTo().stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).map(Recipient::of).toList();
            TransactionalMailer mailer = template.getIfAvailable();
            if (mailer != null) {
                return MailerSendAlertMailer.viaTemplate(mailer, EmailLocale.FR_CA, to);
            }
            // The template's own default sender, so both paths send from the same address.
            Recipient from = Recipient.of("notifications@" + client.domain().orElse("rabaislocal.com"),
                    TransactionalMailer.DEFAULT_SENDER_NAME);
            return MailerSendAlertMailer.plain(client, from, to);
        }
    }

    /** {@code rabaislocal.alerts.email-to} holds an address, in any form (a comma list, indexed, YAML list). */
    static final class AlertRecipientsSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("rabaislocal.alerts.email-to", Bindable.listOf(String.class))
                    .map(l -> l.stream().anyMatch(s -> !s.isBlank())).orElse(false);
        }
    }
}
