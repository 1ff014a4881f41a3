package com.rabaislocal.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.micrometer.SdkObservability;
import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.spring.health.RabaisHealthAutoConfiguration;
import com.rabaislocal.sdk.spring.health.SdkHealthIndicator;
import com.rabaislocal.sdk.spring.observability.RabaisObservabilityAutoConfiguration;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ObservabilityAndHealthTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, RabaisSdkAutoConfiguration.class,
                    RabaisSupabaseAutoConfiguration.class, RabaisObservabilityAutoConfiguration.class,
                    RabaisHealthAutoConfiguration.class));

    @Test
    void everyCallOfAnAutoConfiguredClientIsTimedOnBootsRegistry() throws Exception {
        try (SupabaseWire wire = new SupabaseWire()) {
            runner.withPropertyValues(wire.properties()).run(ctx -> {
                assertThat(ctx).hasNotFailed().hasSingleBean(SdkObservability.class);
                ctx.getBean(SupabaseClient.class).from("offers").select("id").limit(1).list(JsonNode.class);
                Timer t = ctx.getBean(MeterRegistry.class).find(SdkObservability.REQUESTS)
                        .tag("service", "supabase").timer();
                assertThat(t).isNotNull();
                assertThat(t.count()).isEqualTo(1);
            });
        }
    }

    @Test
    void noMeterRegistryNoListener() throws Exception {
        try (SupabaseWire wire = new SupabaseWire()) {
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RabaisSdkAutoConfiguration.class,
                            RabaisSupabaseAutoConfiguration.class, RabaisObservabilityAutoConfiguration.class))
                    .withPropertyValues(wire.properties())
                    .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(SdkObservability.class));
        }
    }

    @Test
    void supabaseIndicatorIsUpThenDownWhenTheProjectStopsAnswering() throws Exception {
        SupabaseWire wire = new SupabaseWire();
        runner.withPropertyValues(wire.properties()).withPropertyValues("rabaislocal.supabase.health.timeout=2s")
                .run(ctx -> {
                    HealthIndicator indicator = ctx.getBean("supabaseHealthIndicator", HealthIndicator.class);
                    Health up = indicator.health();
                    assertThat(up.getStatus()).isEqualTo(Status.UP);
                    assertThat(up.getDetails()).containsKey("database_round_trip_ms").containsKey("reason");
                    wire.close();
                    Health down = indicator.health();
                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(down.getDetails().get("reason").toString()).doesNotContain(Keys.PUBLISHABLE);
                });
    }

    @Test
    void withoutBootsHealthModuleTheCheckStaysButNoIndicator() throws Exception {
        try (SupabaseWire wire = new SupabaseWire()) {
            runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                    .withPropertyValues(wire.properties())
                    .run(ctx -> assertThat(ctx).hasNotFailed()
                            .hasBean(RabaisHealthAutoConfiguration.SUPABASE_CHECK)
                            .doesNotHaveBean(SdkHealthIndicator.class));
        }
    }

    @Test
    void serviceNotConfiguredNoCheck() {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(HealthCheck.class)
                .doesNotHaveBean(SdkHealthIndicator.class));
    }
}
