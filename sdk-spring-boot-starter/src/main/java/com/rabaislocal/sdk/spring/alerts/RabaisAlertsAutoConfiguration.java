package com.rabaislocal.sdk.spring.alerts;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.make.executions.ScenarioHealth;
import com.rabaislocal.sdk.monitoring.alerts.AlertChannel;
import com.rabaislocal.sdk.monitoring.alerts.AlertRule;
import com.rabaislocal.sdk.monitoring.alerts.Alerts;
import com.rabaislocal.sdk.monitoring.alerts.CallWindow;
import com.rabaislocal.sdk.monitoring.alerts.EmailAlertChannel;
import com.rabaislocal.sdk.monitoring.alerts.SeedAlerts;
import com.rabaislocal.sdk.monitoring.alerts.SlackAlertChannel;
import com.rabaislocal.sdk.monitoring.alerts.Slf4jAlertChannel;
import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.spring.RabaisLocalProperties;
import com.rabaislocal.sdk.spring.health.RabaisHealthAutoConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seed's alert rules over the configured services, evaluated on a schedule: {@code database-down} (the Supabase
 * check failing {@code database-down-after} times in a row), {@code error-rate} and {@code database-latency} over
 * a 5-minute window of the SDK's own calls (the {@link CallWindow} is a request listener on every client),
 * {@code make-workflow-failures} (Make's scenarios, 5 failures in a row), {@code cpu}, {@code storage} (the audit
 * spool's disk) and {@code tls-expiry} ({@code rabaislocal.alerts.tls-hosts}). Channels: the log always, Slack for
 * critical alerts when {@code rabaislocal.alerts.slack-webhook-url} is set, email when the application has an
 * {@link EmailAlertChannel.AlertMailer} bean, and every {@link AlertChannel} bean of the application.
 */
@AutoConfiguration(after = RabaisHealthAutoConfiguration.class)
@ConditionalOnClass(Alerts.class)
@ConditionalOnBean(HealthCheck.class)
@ConditionalOnProperty(prefix = "rabaislocal.alerts", name = "enabled", matchIfMissing = true)
public class RabaisAlertsAutoConfiguration {

    /**
     * The window of the SDK's calls the rate and latency rules read; a request listener on every client.
     *
     * @return the window
     */
    @Bean
    @ConditionalOnMissingBean
    public CallWindow rabaisCallWindow() {
        return CallWindow.fiveMinutes();
    }

    /**
     * The engine with its rules and channels.
     *
     * @param properties the starter's properties
     * @param calls the call window
     * @param supabase the Supabase check, if Supabase is configured
     * @param rules more rules: Make's workflow failures when Make is configured, and the application's own
     * @param mailers an email sender for alerts, if the application has one
     * @param channels the application's own channels
     * @return the engine
     */
    @Bean
    @ConditionalOnMissingBean
    public Alerts rabaisAlerts(RabaisLocalProperties properties, CallWindow calls,
                               @Qualifier(RabaisHealthAutoConfiguration.SUPABASE_CHECK)
                               ObjectProvider<HealthCheck> supabase,
                               ObjectProvider<AlertRule> rules, ObjectProvider<EmailAlertChannel.AlertMailer> mailers,
                               ObjectProvider<AlertChannel> channels) {
        RabaisLocalProperties.Alerts a = properties.alerts();
        Alerts.Builder b = Alerts.builder().remindEvery(a.remindEvery());
        supabase.ifAvailable(check -> {
            b.rule(SeedAlerts.databaseDown(check, a.databaseDownAfter()));
            b.rule(SeedAlerts.databaseLatency(calls, a.databaseLatency(), 5));
        });
        b.rule(SeedAlerts.errorRate(calls, a.errorRate(), 20));
        rules.orderedStream().forEach(b::rule);
        b.rule(SeedAlerts.cpu(SeedAlerts::systemCpuLoad, a.cpu()));
        b.rule(SeedAlerts.storage(List.of(existing(properties.supabase().audit().spoolDirectory())), a.storage()));
        if (!a.tlsHosts().isEmpty()) {
            b.rule(SeedAlerts.tlsExpiry(a.tlsHosts(), Duration.ofDays(14), Duration.ofSeconds(5)));
        }
        b.channel(new Slf4jAlertChannel());
        if (a.slackWebhookUrl() != null && !a.slackWebhookUrl().isBlank()) {
            b.channel(SlackAlertChannel.criticalOnly(Secret.of(a.slackWebhookUrl().strip())));
        }
        mailers.ifAvailable(m -> b.channel(new EmailAlertChannel(m)));
        channels.orderedStream().forEach(b::channel);
        return b.build();
    }

    /** The spool directory, or its nearest existing parent: the same disk, readable before the spool exists. */
    private static Path existing(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p.getParent() != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    /** Make's workflows: a rule of its own, so that this class loads without sdk-make. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MakeClient.class)
    @ConditionalOnBean(MakeClient.class)
    static class MakeRule {

        @Bean
        AlertRule makeWorkflowFailuresRule(MakeClient make) {
            // Each scenario's current run of failed executions, read over the last day at each evaluation.
            Supplier<Map<String, Integer>> runs = () -> {
                Map<String, Integer> out = new LinkedHashMap<>();
                for (ScenarioHealth h : make.executions().teamHealth(Duration.ofDays(1))) {
                    out.put("scenario " + h.scenarioId(), h.consecutiveFailures());
                }
                return out;
            };
            return SeedAlerts.makeWorkflowFailures(runs, ScenarioHealth.DEFAULT_FAILURE_THRESHOLD);
        }
    }

    /**
     * The schedule.
     *
     * @param alerts the engine
     * @param properties the starter's properties
     * @return the schedule, started with the application
     */
    @Bean
    @ConditionalOnMissingBean
    public AlertsSchedule rabaisAlertsSchedule(Alerts alerts, RabaisLocalProperties properties) {
        return new AlertsSchedule(alerts, properties.alerts().every());
    }
}
