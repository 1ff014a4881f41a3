package com.rabaislocal.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CallerCostProfilerTest {

    private static volatile Object sink;

    @Test
    void attributesAWorkersAllocationsToTheCallerAndTheRestToOthers() throws Exception {
        CallerCostProfiler profiler = new CallerCostProfiler();
        CountDownLatch allocated = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        profiler.start();
        // Threads that end before stop() are not counted, so both stay alive until it has run.
        Thread worker = allocating("CoreOverheadBenchmark.sdkGet-jmh-worker-1", 4_000_000, allocated, release);
        Thread server = allocating("loopback-offers-1", 2_000_000, allocated, release);
        allocated.await();
        CallerCostProfiler.Cost cost = profiler.stop();
        release.countDown();
        worker.join();
        server.join();
        assertTrue(cost.callerBytes >= 4_000_000 && cost.callerBytes < 4_500_000, "caller bytes " + cost.callerBytes);
        assertTrue(cost.otherBytes >= 2_000_000, "other bytes " + cost.otherBytes);
        // Zeroing 4 MB takes CPU; the counter started at the thread's birth, after start().
        assertTrue(cost.callerCpuNanos > 0, "caller cpu " + cost.callerCpuNanos);
    }

    private static Thread allocating(String name, int size, CountDownLatch allocated, CountDownLatch release) {
        Thread t = new Thread(() -> {
            sink = new byte[size];
            allocated.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
