package com.rabaislocal.sdk.core.audit;

import java.time.Duration;

/**
 * When a {@link BatchingAuditSink} forces its spool file to disk (fsync), which bounds what a <em>power loss</em> (or
 * an operating-system crash) can take. A <em>process</em> crash ({@code kill -9}, an {@code OutOfMemoryError}, a JVM
 * crash) loses nothing under any policy: {@link BatchingAuditSink#write(java.util.List) write} returns only once its
 * events have been handed to the operating system with a write system call, and the operating system keeps them
 * after the process dies.
 *
 * <p>Under every policy, {@link BatchingAuditSink#flush()} and {@link BatchingAuditSink#close()} fsync whatever was
 * written before they were called. Set with {@link BatchingAuditSink.Builder#fsyncPolicy(FsyncPolicy)}; the default
 * is {@link #PER_BATCH}.
 */
public enum FsyncPolicy {

    /**
     * {@code write} returns only once its events are fsync'd. Writers that arrive together share one fsync (group
     * commit), so the cost per event falls as concurrency rises. A power loss takes no event whose {@code write}
     * returned. The slowest policy: with few writing threads, each {@code write} waits for one fsync (about
     * 0.3 ms on the SSD the benchmarks ran on, several milliseconds on a network disk).
     */
    EVERY_WRITE,

    /**
     * The default. {@code write} returns once its events are written to the operating system; the spool is fsync'd
     * by the writing thread once {@link BatchingAuditSink.Builder#batchSize(int) batchSize} events have accumulated
     * since the last fsync, by the worker before it sends a partial batch once
     * {@link BatchingAuditSink.Builder#linger(Duration) linger} has passed, and every {@code linger} while the
     * downstream is down. A power loss takes at most the events written since the last fsync: fewer than
     * {@code batchSize} plus those written concurrently by other threads at that instant (default 100), and
     * normally none older than about {@code linger} (200 ms by default); the time bound does not hold while the
     * worker is blocked in a slow downstream call, the count bound always does.
     */
    PER_BATCH,

    /**
     * The cheapest. {@code write} returns once its events are written to the operating system, and the sink never
     * fsyncs them as they come; only {@code flush()} and {@code close()} do. The
     * operating system writes them to disk in its own time (Linux: dirty pages older than 30 s by default,
     * {@code vm.dirty_expire_centisecs}), so a power loss can take everything written in that window.
     */
    OS
}
