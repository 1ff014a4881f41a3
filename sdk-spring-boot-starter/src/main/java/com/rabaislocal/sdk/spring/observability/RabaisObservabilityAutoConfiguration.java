package com.rabaislocal.sdk.spring.observability;

import com.rabaislocal.sdk.core.audit.BatchingAuditSink;
import com.rabaislocal.sdk.micrometer.AuditSinkMetrics;
import com.rabaislocal.sdk.micrometer.SdkObservability;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The SDK's metrics and traces on Spring Boot's registries: {@link SdkObservability} as a request listener (every
 * client the starter builds registers it), on the application's {@link ObservationRegistry} when there is one (so
 * Boot's tracing and its meter handler see every call), and the audit sink's gauges. Needs a {@link MeterRegistry}
 * bean, which Actuator provides.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({SdkObservability.class, MeterRegistry.class, ObservationRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public class RabaisObservabilityAutoConfiguration {

    /**
     * The listener.
     *
     * @param meters the meter registry
     * @param observations the observation registry, if any
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean
    public SdkObservability rabaisSdkObservability(MeterRegistry meters,
                                                   ObjectProvider<ObservationRegistry> observations) {
        SdkObservability.Builder b = SdkObservability.builder().meterRegistry(meters);
        observations.ifAvailable(b::observationRegistry);
        return b.build();
    }

    /**
     * The audit sink's pending, delivered and spooled gauges, when the starter built a batching sink.
     *
     * @param sinks the batching audit sink, if any
     * @return the binder
     */
    @Bean
    public MeterBinder rabaisAuditSinkMetrics(ObjectProvider<BatchingAuditSink> sinks) {
        return registry -> sinks.ifAvailable(s -> AuditSinkMetrics.bind(registry, s, "logs_audit"));
    }
}
