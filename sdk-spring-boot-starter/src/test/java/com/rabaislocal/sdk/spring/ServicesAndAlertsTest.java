package com.rabaislocal.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.monitoring.alerts.Alert;
import com.rabaislocal.sdk.monitoring.alerts.AlertChannel;
import com.rabaislocal.sdk.monitoring.alerts.Alerts;
import com.rabaislocal.sdk.monitoring.alerts.CallWindow;
import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.monitoring.health.HealthStatus;
import com.rabaislocal.sdk.spring.alerts.AlertsSchedule;
import com.rabaislocal.sdk.spring.alerts.RabaisAlertsAutoConfiguration;
import com.rabaislocal.sdk.spring.goaffpro.RabaisGoAffProAutoConfiguration;
import com.rabaislocal.sdk.spring.health.RabaisHealthAutoConfiguration;
import com.rabaislocal.sdk.spring.make.RabaisMakeAutoConfiguration;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import com.rabaislocal.sdk.testing.goaffpro.GoAffProStandIn;
import com.rabaislocal.sdk.testing.make.MakeStandIn;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ServicesAndAlertsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabaisSdkAutoConfiguration.class,
                    RabaisSupabaseAutoConfiguration.class, RabaisGoAffProAutoConfiguration.class,
                    RabaisMakeAutoConfiguration.class, RabaisHealthAutoConfiguration.class,
                    RabaisAlertsAutoConfiguration.class));

    /** Records what the alert engine sends. */
    static final class Recording implements AlertChannel {
        final List<Alert> sent = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void send(Alert alert) {
            sent.add(alert);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Channel {
        @Bean
        Recording recordingChannel() {
            return new Recording();
        }
    }

    @Test
    void goAffProFromTheSeedVariablesTalksToItsBaseUrl() throws Exception {
        try (GoAffProStandIn goaffpro = GoAffProStandIn.start("goaffpro-test-token")) {
            goaffpro.addAffiliate("ami@example.com", "Ami Rabais");
            runner.withPropertyValues("GOAFFPRO_API_KEY=goaffpro-test-token", "GOAFFPRO_BASE_URL=" + goaffpro.baseUrl())
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed().hasSingleBean(GoAffProClient.class)
                                .hasBean(RabaisHealthAutoConfiguration.GOAFFPRO_CHECK)
                                .doesNotHaveBean(MakeClient.class);
                        assertThat(ctx.getBean(GoAffProClient.class).affiliates().list().stream()
                                .map(a -> a.email())).contains("ami@example.com");
                    });
        }
    }

    @Test
    void makeIsHealthyAndItsFailingWorkflowFiresOnTheSchedule() throws Exception {
        try (MakeStandIn make = MakeStandIn.withSampleData(Clock.systemUTC())) {
            runner.withUserConfiguration(Channel.class)
                    .withPropertyValues("MAKE_TEAM_ID=" + MakeStandIn.TEAM_ID, "MAKE_API_TOKEN=" + MakeStandIn.TOKEN,
                            "MAKE_BASE_URL=" + make.baseUrl(), "rabaislocal.alerts.every=1h")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed().hasSingleBean(MakeClient.class).hasSingleBean(Alerts.class)
                                .hasSingleBean(CallWindow.class);
                        HealthCheck check = ctx.getBean(RabaisHealthAutoConfiguration.MAKE_CHECK, HealthCheck.class);
                        assertThat(check.check().status()).isEqualTo(HealthStatus.UP);
                        assertThat(ctx.getBean(AlertsSchedule.class).isRunning()).isTrue();
                        // The schedule's first round runs at once, in the background.
                        Recording channel = ctx.getBean(Recording.class);
                        long until = System.nanoTime() + 10_000_000_000L;
                        while (channel.sent.stream().noneMatch(a -> a.rule().equals("make-workflow-failures"))
                                && System.nanoTime() < until) {
                            Thread.sleep(50);
                        }
                        assertThat(channel.sent).anyMatch(a -> a.rule().equals("make-workflow-failures")
                                && a.message().contains("102"));
                    });
        }
    }

    @Test
    void alertsCanBeTurnedOff() throws Exception {
        try (MakeStandIn make = MakeStandIn.start(Clock.systemUTC())) {
            runner.withPropertyValues("MAKE_TEAM_ID=" + MakeStandIn.TEAM_ID, "MAKE_API_TOKEN=" + MakeStandIn.TOKEN,
                    "MAKE_BASE_URL=" + make.baseUrl(), "rabaislocal.alerts.enabled=false")
                    .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(MakeClient.class)
                            .doesNotHaveBean(Alerts.class).doesNotHaveBean(AlertsSchedule.class));
        }
    }

    @Test
    void noServiceNoAlerts() {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(Alerts.class));
    }
}
