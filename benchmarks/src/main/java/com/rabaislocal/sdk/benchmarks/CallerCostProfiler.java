package com.rabaislocal.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports what the benchmark's own threads (JMH workers: the code making the call) cost per
 * operation, apart from every other thread of the JVM (an in-process server, pool housekeeping):
 * <ul>
 *   <li>{@code caller.alloc.norm}: bytes allocated by the benchmark threads, per operation;</li>
 *   <li>{@code others.alloc.norm}: bytes allocated by all other threads, per operation ({@code -prof gc}'s
 *       {@code gc.alloc.rate.norm} is roughly the sum of the two);</li>
 *   <li>{@code caller.cpu.norm}: CPU time of the benchmark threads, in microseconds per operation, which, unlike
 *       wall-clock time, barely moves when other processes compete for the cores.</li>
 * </ul>
 *
 * <p>Use with {@code -prof com.rabaislocal.sdk.benchmarks.CallerCostProfiler}. Needs a JVM that counts per-thread
 * allocation and CPU time (HotSpot on Linux, macOS and Windows does); elsewhere it reports nothing.
 */
public final class CallerCostProfiler implements InternalProfiler {

    private static final String WORKER_MARK = "-jmh-worker-";

    private final com.sun.management.ThreadMXBean threads;
    private Map<Long, long[]> before = Map.of();

    /** Creates the profiler; JMH calls this when it is named with {@code -prof}. */
    public CallerCostProfiler() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean hotspot = mx instanceof com.sun.management.ThreadMXBean
                ? (com.sun.management.ThreadMXBean) mx : null;
        if (hotspot != null && hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadCpuTimeSupported()) {
            hotspot.setThreadAllocatedMemoryEnabled(true);
            hotspot.setThreadCpuTimeEnabled(true);
            this.threads = hotspot;
        } else {
            this.threads = null;
        }
    }

    @Override
    public String getDescription() {
        return "Allocation and CPU time per operation of the benchmark threads, apart from all other threads";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
                                                    IterationParams iterationParams, IterationResult result) {
        Cost cost = stop();
        long ops = result.getMetadata().getAllOps();
        if (cost == null || ops <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("caller.alloc.norm", (double) cost.callerBytes / ops, "B/op", AggregationPolicy.AVG),
                new ScalarResult("others.alloc.norm", (double) cost.otherBytes / ops, "B/op", AggregationPolicy.AVG),
                new ScalarResult("caller.cpu.norm", cost.callerCpuNanos / 1000.0 / ops, "us/op",
                        AggregationPolicy.AVG));
    }

    /** What the threads consumed between {@link #start()} and {@link #stop()}. */
    static final class Cost {
        final long callerBytes;
        final long otherBytes;
        final long callerCpuNanos;

        Cost(long callerBytes, long otherBytes, long callerCpuNanos) {
            this.callerBytes = callerBytes;
            this.otherBytes = otherBytes;
            this.callerCpuNanos = callerCpuNanos;
        }
    }

    /** Snapshots every live thread's allocation and CPU counters. */
    void start() {
        Map<Long, long[]> m = new HashMap<>();
        if (threads != null) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                m.put(t.getId(), new long[] {threads.getThreadAllocatedBytes(t.getId()),
                        threads.getThreadCpuTime(t.getId())});
            }
        }
        before = m;
    }

    /**
     * Returns what was consumed since {@link #start()}: threads that started in between count from zero, threads
     * that ended in between are lost (JMH workers outlive their iteration).
     *
     * @return the cost, or null when this JVM cannot measure it
     */
    Cost stop() {
        if (threads == null) {
            return null;
        }
        long callerBytes = 0;
        long otherBytes = 0;
        long callerCpu = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long bytes = threads.getThreadAllocatedBytes(t.getId());
            long cpu = threads.getThreadCpuTime(t.getId());
            if (bytes < 0 || cpu < 0) {
                continue; // the thread ended meanwhile
            }
            long[] was = before.getOrDefault(t.getId(), new long[2]);
            if (t.getName().contains(WORKER_MARK)) {
                callerBytes += bytes - was[0];
                callerCpu += cpu - was[1];
            } else {
                otherBytes += bytes - was[0];
            }
        }
        return new Cost(callerBytes, otherBytes, callerCpu);
    }
}
