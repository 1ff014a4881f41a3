package com.rabaislocal.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.openai.agents.AgentDefinition;
import com.rabaislocal.sdk.openai.agents.AgentException;
import com.rabaislocal.sdk.openai.agents.AgentRun;
import com.rabaislocal.sdk.openai.agents.AgentRunParams;
import com.rabaislocal.sdk.openai.agents.AgentRunner;
import com.rabaislocal.sdk.openai.agents.AgentStore;
import com.rabaislocal.sdk.openai.agents.AgentTool;
import com.rabaislocal.sdk.openai.agents.InMemoryAgentStore;
import com.rabaislocal.sdk.openai.agents.SupabaseAgentStore;
import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.monitoring.health.HealthStatus;
import com.rabaislocal.sdk.spring.health.RabaisHealthAutoConfiguration;
import com.rabaislocal.sdk.spring.openai.RabaisOpenAiAutoConfiguration;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import com.rabaislocal.sdk.testing.openai.OpenAiReply;
import com.rabaislocal.sdk.testing.openai.OpenAiStandIn;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class OpenAiAutoConfigurationTest {

    private static final String KEY = "sk-proj-starter0123456789abcdefghijklmnopqrstuvwxyzAB";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabaisSdkAutoConfiguration.class,
                    RabaisSupabaseAutoConfiguration.class, RabaisOpenAiAutoConfiguration.class,
                    RabaisHealthAutoConfiguration.class));

    private static String[] configured(OpenAiStandIn openai) {
        return new String[] {"OPENAI_API_KEY=" + KEY, "OPENAI_BASE_URL=" + openai.baseUrl()};
    }

    record CityArgs(String city) {
    }

    /** The application's agents, one tool and a recording audit sink. */
    @Configuration(proxyBeanMethods = false)
    static class Agents {
        final List<String> toolCalls = new CopyOnWriteArrayList<>();

        @Bean
        AgentStore agents() {
            return new InMemoryAgentStore().put(new AgentDefinition("find deals", OpenAiStandIn.MODEL,
                    "Tu trouves des rabais.", 0.2, List.of("list_live_offers"), true));
        }

        @Bean
        AgentTool<CityArgs> listLiveOffers() {
            return AgentTool.of("list_live_offers", "Lists the live offers of a city", CityArgs.class, a -> {
                toolCalls.add(a.city());
                return "[{\"title\":\"2 pour 1\"}]";
            });
        }

        @Bean
        Recording audit() {
            return new Recording();
        }
    }

    static final class Recording implements AuditSink {
        final List<AuditEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void write(List<AuditEvent> batch) {
            events.addAll(batch);
        }
    }

    @Test
    void configuredGivesTheClientAndItsHealthCheckButNoRunnerWithoutAStore() throws Exception {
        try (OpenAiStandIn openai = OpenAiStandIn.start(KEY)) {
            runner.withPropertyValues(configured(openai)).run(ctx -> {
                assertThat(ctx).hasNotFailed().hasSingleBean(OpenAiClient.class)
                        .hasBean(RabaisHealthAutoConfiguration.OPENAI_CHECK).hasBean("openAiHealthIndicator")
                        .doesNotHaveBean(AgentRunner.class).doesNotHaveBean(AgentStore.class);
                assertThat(ctx.getBean(OpenAiClient.class).models().list()).isNotEmpty();
                HealthCheck check = ctx.getBean(RabaisHealthAutoConfiguration.OPENAI_CHECK, HealthCheck.class);
                assertThat(check.check().status()).isEqualTo(HealthStatus.UP);
                HealthIndicator indicator = ctx.getBean("openAiHealthIndicator", HealthIndicator.class);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                assertThat(indicator.health().getDetails().toString()).doesNotContain(KEY);
            });
        }
    }

    @Test
    void notConfiguredOrDisabledGivesNoOpenAiBean() throws Exception {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(OpenAiClient.class)
                .doesNotHaveBean(AgentRunner.class).doesNotHaveBean(RabaisHealthAutoConfiguration.OPENAI_CHECK));
        try (OpenAiStandIn openai = OpenAiStandIn.start(KEY)) {
            runner.withUserConfiguration(Agents.class).withPropertyValues(configured(openai))
                    .withPropertyValues("rabaislocal.openai.enabled=false")
                    .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(OpenAiClient.class)
                            .doesNotHaveBean(AgentRunner.class));
        }
    }

    @Test
    void theRunnerRunsTheApplicationsAgentWithItsToolBeansAndAuditsTheRun() throws Exception {
        try (OpenAiStandIn openai = OpenAiStandIn.start(KEY)) {
            openai.enqueue(OpenAiReply.toolCalls(OpenAiReply.call("call_1", "list_live_offers",
                    "{\"city\":\"Québec\"}")), OpenAiReply.text("Un 2 pour 1 à Québec."));
            runner.withUserConfiguration(Agents.class).withPropertyValues(configured(openai)).run(ctx -> {
                assertThat(ctx).hasNotFailed().hasSingleBean(AgentRunner.class);
                AgentRun run = ctx.getBean(AgentRunner.class).run(new AgentRunParams("find deals",
                        "Quels rabais à Québec ?", "user-1", "customer", "req-1", null));
                assertThat(run.answerText()).contains("Un 2 pour 1 à Québec.");
                assertThat(ctx.getBean(Agents.class).toolCalls).containsExactly("Québec");
                assertThat(ctx.getBean(Recording.class).events).singleElement()
                        .satisfies(e -> assertThat(e.action()).isEqualTo(AgentRunner.AUDIT_ACTION));
            });
        }
    }

    @Test
    void withSupabaseTheAgentsComeFromAiAgents() throws Exception {
        try (OpenAiStandIn openai = OpenAiStandIn.start(KEY); SupabaseWire supabase = new SupabaseWire()) {
            runner.withPropertyValues(configured(openai)).withPropertyValues(supabase.properties()).run(ctx -> {
                assertThat(ctx).hasNotFailed().hasSingleBean(SupabaseAgentStore.class)
                        .hasSingleBean(AgentRunner.class);
                // ai_agents has no such row: refused before any call to OpenAI.
                int before = openai.requestCount();
                assertThatThrownBy(() -> ctx.getBean(AgentRunner.class).run(new AgentRunParams("find deals",
                        "Quels rabais ?", "user-1", "customer", "req-1", null)))
                        .isInstanceOfSatisfying(AgentException.class,
                                e -> assertThat(e.reason()).isEqualTo(AgentException.Reason.NOT_FOUND));
                assertThat(openai.requestCount()).isEqualTo(before);
            });
        }
    }
}
