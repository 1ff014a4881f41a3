package com.rabaislocal.sdk.micrometer;

import com.rabaislocal.sdk.core.audit.BatchingAuditSink;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;

/**
 * Publishes the audit pipeline's figures: how many events wait (queue and spool), how many reached the
 * downstream, how many went through the spool. A growing {@value #PENDING} means the downstream (e.g.
 * {@code logs_audit}) is not keeping up or is down: events are safe in the spool, but not yet stored.
 *
 * <ul>
 *   <li>{@value #PENDING} — gauge, events accepted and not yet delivered (memory and spool);</li>
 *   <li>{@value #DELIVERED} — counter, events the downstream accepted (a replayed event counts again);</li>
 *   <li>{@value #SPOOLED} — counter, events written to the spool because the downstream failed or lagged.</li>
 * </ul>
 * Every meter carries the tag {@code sink} with the name given. The meters read the sink when scraped; the sink is
 * held weakly by Micrometer's gauges, so binding does not keep a closed sink alive.
 */
public final class AuditSinkMetrics {

    /** Gauge of undelivered events. */
    public static final String PENDING = "rabaislocal.sdk.audit.pending";
    /** Counter of delivered events. */
    public static final String DELIVERED = "rabaislocal.sdk.audit.delivered";
    /** Counter of spooled events. */
    public static final String SPOOLED = "rabaislocal.sdk.audit.spooled";

    private AuditSinkMetrics() {
    }

    /**
     * Registers the sink's meters.
     *
     * @param registry the meter registry
     * @param sink the batching sink
     * @param name a low-cardinality name for the {@code sink} tag, e.g. {@code logs_audit}
     */
    public static void bind(MeterRegistry registry, BatchingAuditSink sink, String name) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(sink, "sink");
        Tags tags = Tags.of("sink", Objects.requireNonNull(name, "name"));
        Gauge.builder(PENDING, sink, BatchingAuditSink::pendingCount).tags(tags)
                .description("audit events accepted and not yet delivered").register(registry);
        FunctionCounter.builder(DELIVERED, sink, s -> s.deliveredCount()).tags(tags)
                .description("audit events the downstream accepted").register(registry);
        FunctionCounter.builder(SPOOLED, sink, s -> s.spooledCount()).tags(tags)
                .description("audit events written to the spool").register(registry);
    }
}
