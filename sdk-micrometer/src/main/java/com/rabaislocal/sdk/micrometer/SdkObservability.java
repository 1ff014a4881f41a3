package com.rabaislocal.sdk.micrometer;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.listener.RequestEvent;
import com.rabaislocal.sdk.core.listener.RequestListener;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Binds the SDK's {@link RequestListener} to Micrometer: one registration on a client's options gives metrics and,
 * where the application has a tracing bridge on its {@link ObservationRegistry}, spans for every call.
 *
 * <pre>{@code
 * RequestListener observability = SdkObservability.builder()
 *         .meterRegistry(meterRegistry)              // counters, and the registry the timers go to
 *         .observationRegistry(observationRegistry)  // optional: Spring Boot's, with its tracing handlers
 *         .percentiles(0.5, 0.95, 0.99)
 *         .build();
 * MailerSendClient mail = MailerSendClient.builder().listener(observability)...build();
 * }</pre>
 *
 * <p>Meters (names follow Micrometer's dot convention; see docs/MONITORING.md):
 * <ul>
 *   <li>{@value #REQUESTS} — a timer per call (all attempts and waits), from the observation, tagged
 *       {@code service}, {@code operation}, {@code method}, {@code status} (the HTTP status, or {@code none}),
 *       {@code outcome} ({@code success}, {@code client_error}, {@code server_error}, {@code no_answer},
 *       {@code unexpected_answer}) and {@code error} (the exception's simple class name, {@code none} on success);
 *       plus {@value #REQUESTS}{@code .active}, the calls in flight;</li>
 *   <li>{@value #RETRIES} — a counter of retries, tagged {@code service}, {@code operation}, {@code status};</li>
 *   <li>{@value #DEADLINES} — a counter of calls that ended on their deadline or a timeout, tagged {@code service},
 *       {@code operation}.</li>
 * </ul>
 * Tag values are low-cardinality: no ids, no paths, no query values, no secrets.
 *
 * <p>For the span of a call, the SLF4J MDC holds {@value #MDC_SERVICE} and {@value #MDC_OPERATION}, and
 * {@value #MDC_REQUEST_ID} once the service has sent a request id (after a failed attempt), so log lines written
 * during a call (the SDK's retry warnings, an application's own listener) carry them; previous values are restored
 * at the end. Thread-safe; one instance may serve every client.
 */
public final class SdkObservability implements RequestListener {

    /** The timer of calls. */
    public static final String REQUESTS = "rabaislocal.sdk.requests";
    /** The counter of retries. */
    public static final String RETRIES = "rabaislocal.sdk.retries";
    /** The counter of calls ended by their deadline or a timeout. */
    public static final String DEADLINES = "rabaislocal.sdk.deadlines";
    /** MDC key of the service being called. */
    public static final String MDC_SERVICE = "rabaislocal.service";
    /** MDC key of the operation being called. */
    public static final String MDC_OPERATION = "rabaislocal.operation";
    /** MDC key of the service's request id, once known. */
    public static final String MDC_REQUEST_ID = "rabaislocal.request_id";

    private static final List<String> MDC_KEYS = List.of(MDC_SERVICE, MDC_OPERATION, MDC_REQUEST_ID);

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final boolean mdc;
    private final ThreadLocal<Deque<InFlight>> inFlight = ThreadLocal.withInitial(ArrayDeque::new);

    /** One call in progress on this thread: its observation, scope, and the MDC values it replaced. */
    private static final class InFlight {
        final Observation observation;
        final Observation.Scope scope;
        final Map<String, String> previousMdc;

        InFlight(Observation observation, Observation.Scope scope, Map<String, String> previousMdc) {
            this.observation = observation;
            this.scope = scope;
            this.previousMdc = previousMdc;
        }
    }

    private SdkObservability(Builder b) {
        this.meters = b.meters;
        if (b.observations != null) {
            this.observations = b.observations;
        } else {
            // No registry given: one of our own that turns observations into timers on the meter registry.
            ObservationRegistry own = ObservationRegistry.create();
            own.observationConfig().observationHandler(new DefaultMeterObservationHandler(b.meters));
            this.observations = own;
        }
        this.mdc = b.mdc;
        if (b.percentiles != null || b.histogram) {
            double[] pct = b.percentiles;
            boolean histogram = b.histogram;
            b.meters.config().meterFilter(new MeterFilter() {
                @Override
                public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                    if (!id.getName().equals(REQUESTS)) {
                        return config;
                    }
                    DistributionStatisticConfig.Builder c = DistributionStatisticConfig.builder()
                            .percentilesHistogram(histogram);
                    if (pct != null) {
                        c.percentiles(pct);
                    }
                    return c.build().merge(config);
                }
            });
        }
    }

    /** @return a builder; the meter registry is required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onStart(RequestEvent e) {
        Observation o = Observation.createNotStarted(REQUESTS, observations)
                .contextualName(e.service() + " " + e.operation())
                .lowCardinalityKeyValues(KeyValues.of("service", e.service(), "operation", e.operation(),
                        "method", e.method()));
        o.start();
        Map<String, String> previous = null;
        if (mdc) {
            previous = new LinkedHashMap<>();
            for (String k : MDC_KEYS) {
                previous.put(k, MDC.get(k));
            }
            MDC.put(MDC_SERVICE, e.service());
            MDC.put(MDC_OPERATION, e.operation());
            MDC.remove(MDC_REQUEST_ID);
        }
        inFlight.get().push(new InFlight(o, o.openScope(), previous));
    }

    @Override
    public void onRetry(RequestEvent e) {
        Counter.builder(RETRIES).description("retries of SDK calls").tag("service", e.service())
                .tag("operation", e.operation()).tag("status", status(e)).register(meters).increment();
        if (mdc && e.requestId().isPresent()) {
            MDC.put(MDC_REQUEST_ID, e.requestId().get());
        }
    }

    @Override
    public void onSuccess(RequestEvent e) {
        end(e, null);
    }

    @Override
    public void onFailure(RequestEvent e, RuntimeException error) {
        if (isTimeout(error)) {
            Counter.builder(DEADLINES).description("SDK calls ended by their deadline or a timeout")
                    .tag("service", e.service()).tag("operation", e.operation()).register(meters).increment();
        }
        end(e, error);
    }

    private void end(RequestEvent e, RuntimeException error) {
        InFlight f = inFlight.get().poll();
        if (f == null) {
            return;
        }
        f.observation.lowCardinalityKeyValue("status", status(e));
        f.observation.lowCardinalityKeyValue("outcome", outcome(e, error));
        if (error != null) {
            f.observation.error(error);
        }
        f.scope.close();
        f.observation.stop();
        if (f.previousMdc != null) {
            for (Map.Entry<String, String> p : f.previousMdc.entrySet()) {
                if (p.getValue() == null) {
                    MDC.remove(p.getKey());
                } else {
                    MDC.put(p.getKey(), p.getValue());
                }
            }
        }
        if (inFlight.get().isEmpty()) {
            inFlight.remove();
        }
    }

    private static String status(RequestEvent e) {
        return e.status() == 0 ? "none" : Integer.toString(e.status());
    }

    private static boolean isTimeout(RuntimeException error) {
        return error instanceof com.rabaislocal.sdk.core.error.RequestTimeoutException;
    }

    private static String outcome(RequestEvent e, RuntimeException error) {
        if (error == null) {
            return "success";
        }
        if (error instanceof com.rabaislocal.sdk.core.error.UnexpectedResponseException) {
            return "unexpected_answer";
        }
        if (e.status() >= 500) {
            return "server_error";
        }
        if (e.status() >= 400 || error instanceof com.rabaislocal.sdk.core.error.ApiException) {
            return "client_error";
        }
        return "no_answer";
    }

    @Override
    public String toString() {
        return "SdkObservability{meters=" + meters.getClass().getSimpleName() + ", mdc=" + mdc + '}';
    }

    /** Builds an {@link SdkObservability}. */
    public static final class Builder {
        private MeterRegistry meters;
        private ObservationRegistry observations;
        private double[] percentiles;
        private boolean histogram;
        private boolean mdc = true;

        private Builder() {
        }

        /**
         * Sets the registry counters go to (and timers, unless an observation registry with its own handlers is
         * given).
         *
         * @param meterRegistry the application's registry; required
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meters = meterRegistry;
            return this;
        }

        /**
         * Sets the observation registry calls are observed on, e.g. Spring Boot's, whose handlers make timers and,
         * with a tracing bridge, spans.
         *
         * @param observationRegistry the registry; default one of the binding's own with a
         *     {@link DefaultMeterObservationHandler} on the meter registry (metrics only, no spans)
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            this.observations = observationRegistry;
            return this;
        }

        /**
         * Publishes client-side percentiles of {@value #REQUESTS}.
         *
         * @param percentiles values in (0, 1], e.g. {@code 0.5, 0.95, 0.99}; default none
         * @return this builder
         */
        public Builder percentiles(double... percentiles) {
            this.percentiles = percentiles == null ? null : percentiles.clone();
            return this;
        }

        /**
         * Publishes a percentile histogram of {@value #REQUESTS}, for server-side aggregation (Prometheus).
         *
         * @param histogram default false
         * @return this builder
         */
        public Builder percentileHistogram(boolean histogram) {
            this.histogram = histogram;
            return this;
        }

        /**
         * Turns the MDC values on or off.
         *
         * @param mdc default true
         * @return this builder
         */
        public Builder mdc(boolean mdc) {
            this.mdc = mdc;
            return this;
        }

        /**
         * Validates and builds the listener.
         *
         * @return the listener to register on clients' options
         * @throws ValidationException when the meter registry is missing or a percentile is out of range
         */
        public SdkObservability build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (meters == null) {
                errors.put("meterRegistry", List.of("is required"));
            }
            if (percentiles != null && Arrays.stream(percentiles).anyMatch(p -> !(p > 0 && p <= 1))) {
                errors.put("percentiles", List.of("must each be in (0, 1], were " + Arrays.toString(percentiles)));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("observability settings", errors);
            }
            return new SdkObservability(this);
        }
    }
}
