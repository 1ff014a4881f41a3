package com.rabaislocal.sdk.benchmarks;

import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.BatchingAuditSink;
import com.rabaislocal.sdk.core.audit.FsyncPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many audit events per second {@link BatchingAuditSink#write(AuditEvent)} accepts, i.e. appends to its spool
 * file and returns, with one writing thread and with 16, for each {@link FsyncPolicy}. The downstream only counts
 * the events, so the worker's delivery (in batches of 100 from memory, deleting delivered spool files) runs on the
 * same cores but costs next to nothing itself; every figure includes serializing each event to JSON.
 *
 * <p>Throughput in events per second, one event per operation. The spool is a fresh directory under
 * {@code java.io.tmpdir} per trial. Each fork prints a {@code # audit} line with how many events were delivered and
 * how many of them the worker had to read back from the spool because it fell behind.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AuditSinkBenchmark {

    /** Distinct events cycled through by every writer; the counting downstream does not mind repeated ids. */
    private static final int EVENTS = 1024;

    /** The fsync policy of the sink under test. */
    @Param({"PER_BATCH", "OS", "EVERY_WRITE"})
    public FsyncPolicy policy;

    private final AtomicLong received = new AtomicLong();
    private Path directory;
    private BatchingAuditSink sink;
    private AuditEvent[] events;

    /** Each writing thread's place in the event pool. */
    @State(Scope.Thread)
    public static class Writer {
        int next;
    }

    /**
     * Opens a sink with the default settings but the policy on a fresh spool directory.
     *
     * @throws IOException if the directory cannot be created
     */
    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("rabaislocal-audit-bench-");
        events = new AuditEvent[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            // About the size of a real update event: a few changed columns, ids, a request id and an IP.
            events[i] = AuditEvent.builder().action(AuditEvent.UPDATE).entityType("offers").entityId(String.valueOf(i))
                    .actorId("4f6c1a2e-8b3d-4c5e-9a7f-1b2c3d4e5f60").actorRole("authenticated")
                    .diff(Map.of("title", "Pizza 2 pour 1", "price", new BigDecimal("19.99"), "status", "draft"),
                            Map.of("title", "Pizza 2 pour 1 à Québec", "price", new BigDecimal("17.99"),
                                    "status", "active"))
                    .sourceIp("203.0.113.7").requestId("req-" + i).build();
        }
        sink = BatchingAuditSink.builder().downstream(batch -> received.addAndGet(batch.size()))
                .spoolDirectory(directory).fsyncPolicy(policy).build();
    }

    /** Closes the sink (delivering what is left), reports what happened and deletes the directory. */
    @TearDown(Level.Trial)
    public void close() {
        sink.close();
        System.out.printf("# audit %s: %,d events delivered, %,d of them read back from the spool, %,d pending%n",
                policy, received.get(), sink.spooledCount(), sink.pendingCount());
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One writing thread.
     *
     * @param w this thread's place in the event pool
     */
    @Benchmark
    @Threads(1)
    public void write1(Writer w) {
        sink.write(events[w.next++ & (EVENTS - 1)]);
    }

    /**
     * Sixteen writing threads sharing one sink.
     *
     * @param w this thread's place in the event pool
     */
    @Benchmark
    @Threads(16)
    public void write16(Writer w) {
        sink.write(events[w.next++ & (EVENTS - 1)]);
    }
}
