package com.rabaislocal.sdk.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.BatchingAuditSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit pipeline's meters follow the sink. */
class AuditSinkMetricsTest {

    @TempDir
    Path spool;

    @Test
    void pendingDeliveredAndSpooledFollowTheSink() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        List<AuditEvent> stored = new ArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (BatchingAuditSink sink = BatchingAuditSink.builder().spoolDirectory(Files.createDirectories(spool))
                .downstream(batch -> {
                    if (down.get()) {
                        throw new IllegalStateException("logs_audit is down");
                    }
                    synchronized (stored) {
                        stored.addAll(batch);
                    }
                }).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build()) {
            AuditSinkMetrics.bind(registry, sink, "logs_audit");
            for (int i = 0; i < 3; i++) {
                sink.write(AuditEvent.builder().action("insert").entityType("offers").entityId("o-" + i).build());
            }
            assertEquals(3.0, registry.get(AuditSinkMetrics.PENDING).tag("sink", "logs_audit").gauge().value());
            down.set(false);
            sink.flush(Duration.ofSeconds(10));
            assertEquals(0.0, registry.get(AuditSinkMetrics.PENDING).gauge().value());
            assertEquals(3.0, registry.get(AuditSinkMetrics.DELIVERED).functionCounter().count(), 0.0);
        }
    }
}
