package com.rabaislocal.sdk.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.retry.Sleeper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AuditSink} in front of any downstream sink (a database table, an HTTP endpoint, a log) that never loses
 * an accepted event: {@link #write(List)} appends the events to a local spool file and returns; one background
 * thread delivers them to the downstream in batches and removes them from the spool once delivered. Thread-safe.
 *
 * <p><b>Write-ahead spool.</b> {@code write} returns only once its events are in the spool file
 * ({@code audit-spool-NNNNNNNNNN.jsonl} files in the {@link Builder#spoolDirectory(Path) spool directory}: one JSON
 * event per line), written to the operating system with a write system call, so a process killed at any moment
 * loses no event whose {@code write} returned. What a power loss can take is set by the
 * {@link Builder#fsyncPolicy(FsyncPolicy) fsync policy} ({@link FsyncPolicy#PER_BATCH} by default). Concurrent
 * writers share the work (group commit): one of them writes the lines of every waiting writer with one system call
 * (and one fsync when the policy asks for it) while the others wait for it, so the cost per event falls as
 * concurrency rises. If the spool cannot be written at all (disk full, permissions), {@code write} still returns,
 * logs the event ids at ERROR and keeps the events in memory for the worker, which delivers them or spools them once
 * it can; such events are not safe from a crash until then.
 *
 * <p><b>Batching.</b> The worker sends a batch as soon as {@link Builder#batchSize(int) batchSize} events are queued,
 * or when the first queued event has waited {@link Builder#linger(Duration) linger}, or on {@link #flush()} and
 * {@link #close()}. It keeps up to {@link Builder#queueCapacity(int) queueCapacity} written events in memory so it
 * need not read them back; beyond that, and after any failure of the downstream, it reads them from the spool.
 *
 * <p><b>Outages.</b> When the downstream throws, the events stay in the spool and are replayed later, in order, with
 * exponential backoff between attempts ({@link Builder#initialBackoff(Duration) initialBackoff} doubling up to
 * {@link Builder#maxBackoff(Duration) maxBackoff}); new events queue up behind them in the spool. Events left in the
 * spool when the process stops, cleanly or not, are replayed by the next {@code BatchingAuditSink} opened on the same
 * directory. Delivered events are removed: the spool moves to a new file every few megabytes and deletes the files it
 * has delivered, and all of them once everything is delivered; a cursor file records the delivered position at
 * least once a second and at close, so a restart delivers again at most what was delivered since.
 *
 * <p><b>Rejected events.</b> When the downstream throws a {@link ValidationException} or an
 * {@link InvalidRequestException} (the batch is invalid, not the downstream down; see {@link AuditSink}), the batch is
 * replayed from the spool in ever smaller chunks until the refused event is alone; that event is then appended to
 * {@code audit-rejected.jsonl} in the spool directory (its JSON plus {@code rejected_at} and
 * {@code rejected_reason}) and logged in full at ERROR, and the events behind it go on. That file is never replayed
 * automatically: fix the cause, then write its lines back (each reads with {@link AuditEvent#fromJson(String)}).
 *
 * <p><b>At least once.</b> A batch may reach the downstream more than once (a timeout after it was stored, a crash
 * between delivery and recording it): downstreams deduplicate on {@link AuditEvent#eventId()}.
 *
 * <p><b>Logging</b> (logger {@code com.rabaislocal.sdk.core.audit}): WARN when the downstream fails, with how many
 * events wait in the spool; INFO when the spool has been replayed; ERROR when the spool itself fails and when an
 * event is set aside as rejected.
 *
 * <p>The downstream is called from the worker thread only, never concurrently, and is not closed by this sink: its
 * owner closes it after closing this sink. The worker is a daemon thread; close this sink when the application stops
 * so that it delivers what it can and records its progress (a JVM that exits without {@code close()} loses no event,
 * but the next run delivers again what was delivered in the last second).
 */
public final class BatchingAuditSink implements AuditSink {

    static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.core.audit");

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration MAX_DURATION = Duration.ofDays(365);
    /** How long the worker waits with nothing to do before it records its progress and deletes a delivered spool. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Shortest wait between two fsyncs of the spool while the downstream is down (linger may be zero). */
    private static final Duration MIN_OUTAGE_SYNC = Duration.ofMillis(10);

    /**
     * An accepted event: its arrival number, used by {@link #flush(Duration)} to know what came before it, and the
     * position just past its line in the spool (null while it could not be written there).
     */
    private record Entry(long seq, AuditEvent event, AuditSpool.Position end) {
    }

    /** The lines of one {@code write} call, waiting for a thread to write them. */
    private static final class Group {
        final List<AuditEvent> events;
        final byte[] bytes;
        final int[] lineEnds;
        long firstSeq;
        long lastSeq;

        Group(List<AuditEvent> events, byte[] bytes, int[] lineEnds) {
            this.events = events;
            this.bytes = bytes;
            this.lineEnds = lineEnds;
        }
    }

    private enum Mode { UNSPOOLED, MEMORY, REPLAY, WAIT }

    private final AuditSink downstream;
    private final Path spoolDirectory;
    private final int queueCapacity;
    private final int batchSize;
    private final Duration linger;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration flushTimeout;
    private final FsyncPolicy fsyncPolicy;
    private final long segmentBytes;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String configuredThreadName;
    private final String threadName;

    private final AuditSpool spool;
    private final Thread worker;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    /** The worker has something to do: events queued, a flush, close. */
    private final Condition workAvailable = lock.newCondition();
    /** Events were written, delivered or left memory: for flush(). */
    private final Condition progress = lock.newCondition();
    /** The writing role was released: for writers waiting for their lines. */
    private final Condition groupDone = lock.newCondition();
    // Guarded by lock.
    private final ArrayDeque<Group> staged = new ArrayDeque<>();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final List<Entry> unspooled = new ArrayList<>();
    private boolean writing;
    private long lastSeq;
    private long finishedSeq;
    private boolean backlog;
    private AuditSpool.Position publishedEnd;
    private long inflightFirstSeq;
    private int inflightSize;
    private long flushTarget;
    private boolean closed;
    private boolean workerExited;
    private boolean overflowing;

    // Worker thread only.
    private Instant retryAt;
    private Duration backoff;
    private boolean failedWhileClosing;
    private boolean idleDone;
    private long replayedSinceEmpty;
    private int replayLimit;
    private List<Entry> current;

    private BatchingAuditSink(Builder b) {
        this.downstream = b.downstream;
        this.spoolDirectory = b.spoolDirectory;
        this.queueCapacity = b.queueCapacity;
        this.batchSize = b.batchSize;
        this.linger = b.linger;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.flushTimeout = b.flushTimeout;
        this.fsyncPolicy = b.fsyncPolicy;
        this.segmentBytes = b.segmentBytes;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.configuredThreadName = b.threadName;
        this.threadName = b.threadName != null ? b.threadName
                : "rabaislocal-audit-sink-" + INSTANCES.incrementAndGet();
        this.replayLimit = b.batchSize;
        this.spool = AuditSpool.open(b.spoolDirectory, LOG, b.fsyncPolicy, b.segmentBytes);
        this.publishedEnd = spool.end();
        // What a previous run left is older than anything written now: it goes first, read from the spool.
        this.backlog = spool.pendingEvents() > 0;
        this.worker = new Thread(this::work, threadName);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Starts a configuration; {@link Builder#downstream(AuditSink)} and {@link Builder#spoolDirectory(Path)} are
     * required.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this sink's settings, e.g. to open a sink with the same settings after this one is
     * closed (two open sinks cannot share a spool directory).
     *
     * @return a pre-filled builder
     */
    public Builder toBuilder() {
        return new Builder()
                .downstream(downstream)
                .spoolDirectory(spoolDirectory)
                .queueCapacity(queueCapacity)
                .batchSize(batchSize)
                .linger(linger)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .flushTimeout(flushTimeout)
                .fsyncPolicy(fsyncPolicy)
                .segmentBytes(segmentBytes)
                .clock(clock)
                .sleeper(sleeper)
                .threadName(configuredThreadName);
    }

    /**
     * Appends the events to the spool and returns once they are written to the operating system (and fsync'd if the
     * policy is {@link FsyncPolicy#EVERY_WRITE}); delivery to the downstream happens later, in the background. The
     * batch is accepted whole or not at all. Waits for no I/O but the spool's own: typically a few microseconds, up
     * to one fsync. The caller's interrupt flag does not cut the wait short and is kept.
     *
     * @param batch the events, none null
     * @throws com.rabaislocal.sdk.core.error.ValidationException if the batch or one of its events is null
     * @throws IllegalStateException if this sink is closed; the message lists the ids of the events not accepted
     */
    @Override
    public void write(List<AuditEvent> batch) {
        List<AuditEvent> events = AuditBatches.checked(batch);
        if (events.isEmpty()) {
            return;
        }
        Group group = encode(events);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("BatchingAuditSink on " + spool.directory() + " is closed; audit "
                        + "events not accepted: " + AuditBatches.ids(events));
            }
            group.firstSeq = lastSeq + 1;
            lastSeq += events.size();
            group.lastSeq = lastSeq;
            staged.addLast(group);
            while (finishedSeq < group.lastSeq) {
                if (!writing && !staged.isEmpty()) {
                    writeStaged();
                } else {
                    groupDone.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every event whose {@code write} returned before this call is delivered or waits in the spool after
     * a failed delivery, and the spool is fsync'd up to it, at most the builder's
     * {@link Builder#flushTimeout(Duration) flushTimeout}.
     *
     * @return true if so; false on timeout (e.g. the downstream hangs)
     */
    public boolean flush() {
        return flush(flushTimeout);
    }

    /**
     * Sends the partial batch now and waits until every event whose {@code write} returned before this call is
     * delivered to the downstream or, if the downstream failed, waits in the spool; then fsyncs the spool, whatever
     * the {@link FsyncPolicy}, so that not even a power loss takes those events. Does not wait for the spool to be
     * replayed.
     *
     * @param timeout the longest to wait
     * @return true if every such event is delivered or spooled and fsync'd; false on timeout, interruption (the
     *     interrupt flag is restored), a failing fsync, or if the sink is closed with events it could not place
     */
    public boolean flush(Duration timeout) {
        long remaining = timeout == null ? 0 : Math.max(0, timeout.toNanos());
        lock.lock();
        try {
            long target = lastSeq;
            flushTarget = Math.max(flushTarget, target);
            workAvailable.signalAll();
            while (finishedSeq < target || oldestInMemory() <= target) {
                if (workerExited || remaining <= 0) {
                    return false;
                }
                remaining = progress.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
        try {
            spool.sync();
            return true;
        } catch (IOException e) {
            LOG.error("Could not fsync the audit spool {} ({}); its events survive a crash of this process but may "
                    + "not survive a power loss", spool.directory(), e.toString());
            return false;
        }
    }

    /**
     * Stops accepting events, delivers what it can (the queued events, then one attempt at the spool), fsyncs the
     * spool and records the delivered position, and stops the worker. Waits at most
     * {@link Builder#flushTimeout(Duration) flushTimeout}; if the worker is still busy then (a hanging downstream),
     * it finishes in the background and that is logged at ERROR. Events left in the spool are replayed by the next
     * sink opened on the same directory. Idempotent. The downstream is not closed.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() == worker) {
            return;
        }
        try {
            worker.join(Math.max(1, flushTimeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            List<AuditEvent> notSpooled = new ArrayList<>();
            lock.lock();
            try {
                unspooled.forEach(en -> notSpooled.add(en.event()));
            } finally {
                lock.unlock();
            }
            LOG.error("Audit worker {} did not finish within {}; it goes on in the background. Every accepted event "
                    + "is in the spool {} except these, still in memory only: {}", threadName, flushTimeout,
                    spool.directory(), AuditBatches.ids(notSpooled));
        }
    }

    /**
     * Returns how many events the downstream has accepted so far, from memory or by replay (an event delivered twice
     * counts twice).
     *
     * @return the count since this sink was built
     */
    public long deliveredCount() {
        return delivered.get();
    }

    /**
     * Returns how many events had to wait in the spool for a replay instead of being delivered straight from memory:
     * because the downstream failed or rejected their batch, because older events were already waiting there, or
     * because more than {@link Builder#queueCapacity(int) queueCapacity} events were waiting. (Every accepted event is
     * written to the spool; this counts the ones the worker reads back from it.)
     *
     * @return the count since this sink was built
     */
    public long spooledCount() {
        return spooled.get();
    }

    /**
     * Returns how many events are not yet delivered: those in the spool (including any left by a previous run) plus
     * those kept in memory because the spool could not be written. Approximate while the worker is busy, exact when
     * it is idle.
     *
     * @return the count
     */
    public long pendingCount() {
        lock.lock();
        try {
            return spool.pendingEvents() + unspooled.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the directory holding the spool.
     *
     * @return the absolute spool directory
     */
    public Path spoolDirectory() {
        return spool.directory();
    }

    // ---------------------------------------------------------------- producers

    /** Serializes the events to spool lines, outside any lock. */
    private static Group encode(List<AuditEvent> events) {
        byte[][] lines = new byte[events.size()][];
        int total = 0;
        for (int i = 0; i < lines.length; i++) {
            try {
                lines[i] = SdkJson.mapper().writeValueAsBytes(events.get(i));
            } catch (JsonProcessingException e) {
                // Every field is a string, a UUID, an Instant or normalized JSON values, all serializable.
                throw new IllegalStateException("audit event " + events.get(i).eventId() + " could not be "
                        + "serialized", e);
            }
            total += lines[i].length + 1;
        }
        byte[] bytes = new byte[total];
        int[] ends = new int[lines.length];
        int at = 0;
        for (int i = 0; i < lines.length; i++) {
            System.arraycopy(lines[i], 0, bytes, at, lines[i].length);
            at += lines[i].length;
            bytes[at++] = '\n';
            ends[i] = at;
        }
        return new Group(events, bytes, ends);
    }

    /**
     * Takes the writing role and writes every staged group with one system call, the lock released meanwhile; then
     * hands the written events to the worker (lock held on entry and exit).
     */
    private void writeStaged() {
        writing = true;
        List<Group> groups = new ArrayList<>(staged);
        staged.clear();
        AuditSpool.Position start = null;
        Throwable failure = null;
        lock.unlock();
        try {
            start = writeToSpool(groups);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        } finally {
            lock.lock();
        }
        try {
            if (start != null) {
                publish(groups, start);
            } else {
                keepInMemory(groups, failure);
            }
        } finally {
            writing = false;
            finishedSeq = groups.get(groups.size() - 1).lastSeq;
            groupDone.signalAll();
            progress.signalAll();
        }
    }

    /** Writes the groups' lines (writing role held, lock not held) and fsyncs them as the policy asks. */
    private AuditSpool.Position writeToSpool(List<Group> groups) throws IOException {
        byte[] bytes;
        int lines = 0;
        if (groups.size() == 1) {
            bytes = groups.get(0).bytes;
            lines = groups.get(0).events.size();
        } else {
            int total = 0;
            for (Group g : groups) {
                total += g.bytes.length;
                lines += g.events.size();
            }
            bytes = new byte[total];
            int at = 0;
            for (Group g : groups) {
                System.arraycopy(g.bytes, 0, bytes, at, g.bytes.length);
                at += g.bytes.length;
            }
        }
        AuditSpool.Position start = spool.write(bytes, bytes.length, lines);
        if (fsyncPolicy == FsyncPolicy.EVERY_WRITE
                || (fsyncPolicy == FsyncPolicy.PER_BATCH && spool.unsyncedLines() >= batchSize)) {
            syncQuietly();
        }
        return start;
    }

    /** Makes written events known to the worker, in file order (lock held). */
    private void publish(List<Group> groups, AuditSpool.Position start) {
        boolean workerMayBeIdle = queue.isEmpty() && inflightSize == 0;
        boolean warnOverflow = false;
        long offset = start.offset();
        for (Group g : groups) {
            for (int i = 0; i < g.events.size(); i++) {
                Entry e = new Entry(g.firstSeq + i, g.events.get(i),
                        new AuditSpool.Position(start.segment(), offset + g.lineEnds[i]));
                if (!backlog && queue.size() < queueCapacity) {
                    queue.addLast(e);
                } else {
                    if (!backlog) {
                        // The queue must stay the oldest undelivered events: from here on the worker reads the spool.
                        backlog = true;
                        warnOverflow = !overflowing;
                        overflowing = true;
                    }
                    spooled.incrementAndGet();
                }
            }
            offset += g.bytes.length;
        }
        publishedEnd = new AuditSpool.Position(start.segment(), offset);
        // While the worker replays or backs off it finds new lines by itself; waking it would only cost time.
        if (warnOverflow || (!backlog && (workerMayBeIdle || queue.size() + inflightSize >= batchSize))) {
            workAvailable.signal();
        }
        if (warnOverflow) {
            LOG.warn("Audit queue is full ({} events in memory); newer events wait in the spool {} and the worker "
                    + "reads them back from there", queueCapacity, spool.directory());
        }
    }

    /** The spool could not be written: the worker delivers these events or spools them later (lock held). */
    private void keepInMemory(List<Group> groups, Throwable failure) {
        List<AuditEvent> events = new ArrayList<>();
        for (Group g : groups) {
            for (int i = 0; i < g.events.size(); i++) {
                unspooled.add(new Entry(g.firstSeq + i, g.events.get(i), null));
                events.add(g.events.get(i));
            }
        }
        workAvailable.signal();
        LOG.error("Could not write {} audit events to the spool {} ({}); keeping them in memory for the next "
                + "attempt, not safe from a crash until then. Event ids: {}", events.size(), spool.directory(),
                String.valueOf(failure), AuditBatches.ids(events));
    }

    private long oldestInMemory() {
        long oldest = Long.MAX_VALUE;
        if (inflightSize > 0) {
            oldest = inflightFirstSeq;
        }
        Entry head = queue.peekFirst();
        if (head != null) {
            oldest = Math.min(oldest, head.seq());
        }
        for (Entry e : unspooled) {
            oldest = Math.min(oldest, e.seq());
        }
        return oldest;
    }

    private void syncQuietly() {
        try {
            spool.sync();
        } catch (IOException e) {
            LOG.error("Could not fsync the audit spool {} ({}); its events survive a crash of this process but may "
                    + "not survive a power loss", spool.directory(), e.toString());
        }
    }

    // ---------------------------------------------------------------- worker

    private void work() {
        try {
            while (true) {
                try {
                    if (!step()) {
                        break;
                    }
                } catch (RuntimeException | Error e) {
                    LOG.error("Audit worker {} hit an unexpected error; its events are kept for the next attempt",
                            threadName, e);
                    dropMemory();
                    current = null;
                    scheduleRetry();
                }
            }
            finishClose();
        } finally {
            spool.close();
            lock.lock();
            try {
                workerExited = true;
                if (!unspooled.isEmpty()) {
                    List<AuditEvent> left = new ArrayList<>();
                    unspooled.forEach(en -> left.add(en.event()));
                    unspooled.clear();
                    logLost(left);
                }
                progress.signalAll();
                groupDone.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * One round: pick the oldest due work (events kept in memory after a spool failure, the queue, or the spool
     * itself), do it, or wait.
     *
     * @return false when closed and nothing more can be done
     */
    private boolean step() {
        Mode mode;
        boolean closing;
        boolean lingerExpired = false;
        AuditSpool.Position limit = null;
        lock.lock();
        try {
            closing = closed;
            boolean due = !backingOff() || (closing && !failedWhileClosing);
            if (due && !unspooled.isEmpty()) {
                current = new ArrayList<>(unspooled.subList(0, Math.min(batchSize, unspooled.size())));
                mode = Mode.UNSPOOLED;
            } else if (due && !queue.isEmpty()) {
                current = new ArrayList<>();
                if (closing || flushTarget >= queue.peekFirst().seq()) {
                    take(current);
                } else {
                    lingerExpired = lingerTake(current);
                }
                mode = Mode.MEMORY;
            } else if (due && backlog) {
                limit = publishedEnd;
                mode = Mode.REPLAY;
            } else if (closing) {
                if (writing || !staged.isEmpty()) {
                    // Accepted events still on their way to the spool.
                    groupDone.awaitUninterruptibly();
                    return true;
                }
                return false;
            } else {
                mode = Mode.WAIT;
            }
        } finally {
            lock.unlock();
        }
        switch (mode) {
            case UNSPOOLED:
                idleDone = false;
                deliverUnspooled(current, closing);
                break;
            case MEMORY:
                idleDone = false;
                deliverFromMemory(current, closing, lingerExpired);
                break;
            case REPLAY:
                idleDone = false;
                replayOnce(limit, closing);
                break;
            default:
                waitForWork();
                break;
        }
        current = null;
        return true;
    }

    /** Nothing due: back off, or wait for events and tidy the spool when idle long enough. */
    private void waitForWork() {
        if (backingOff() && fsyncPolicy == FsyncPolicy.PER_BATCH) {
            // During an outage events only accumulate in the spool: bound what a power loss could take.
            syncQuietly();
        }
        boolean tidy = false;
        lock.lock();
        try {
            boolean due = !backingOff();
            if (closed || (due && (!queue.isEmpty() || backlog || !unspooled.isEmpty()))) {
                return;
            }
            if (!due) {
                pause(Duration.between(clock.instant(), retryAt));
                return;
            }
            if (idleDone) {
                workAvailable.awaitUninterruptibly();
                return;
            }
            long seenSeq = lastSeq;
            long left = IDLE_NANOS;
            // Idle means no event for the whole period; a flush() wakes the worker without ending it.
            while (left > 0 && lastSeq == seenSeq && !closed) {
                try {
                    left = workAvailable.awaitNanos(left);
                } catch (InterruptedException e) {
                    // Only this sink owns the worker; an interrupt just ends the wait early.
                    return;
                }
            }
            tidy = left <= 0 && lastSeq == seenSeq && !closed && queue.isEmpty() && !backlog
                    && unspooled.isEmpty();
        } finally {
            lock.unlock();
        }
        if (tidy) {
            // With no file left there is no progress to record, and a cursor alone would only be discarded.
            if (!tryCompact() && spool.hasFiles()) {
                spool.persistCursor();
            }
            idleDone = true;
        }
    }

    /**
     * Waits (lock held) until the retry time, at most one linger (10 ms at least) at a time so the spool is fsync'd
     * regularly during an outage and a custom sleeper that cannot be woken early still lets flush() and close() in.
     */
    private void pause(Duration untilRetry) {
        Duration wait = untilRetry.isNegative() || untilRetry.isZero() ? Duration.ofMillis(1) : untilRetry;
        Duration step = linger.compareTo(MIN_OUTAGE_SYNC) < 0 ? MIN_OUTAGE_SYNC : linger;
        if (step.compareTo(wait) < 0) {
            wait = step;
        }
        if (sleeper == null) {
            try {
                workAvailable.awaitNanos(wait.toNanos());
            } catch (InterruptedException e) {
                // Only this sink owns the worker; an interrupt just ends the wait early.
            }
            return;
        }
        lock.unlock();
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            // As above.
        } finally {
            lock.lock();
        }
    }

    /** Takes what is queued, up to a batch, without waiting (lock held). */
    private void take(List<Entry> batch) {
        while (batch.size() < batchSize && moveOne(batch)) {
            // moveOne does the work.
        }
    }

    /**
     * Takes the first queued event, then waits up to the linger for a full batch (lock held).
     *
     * @return true if the batch leaves because the linger has passed
     */
    private boolean lingerTake(List<Entry> batch) {
        moveOne(batch);
        Entry first = batch.get(0);
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < batchSize) {
            if (queue.size() >= batchSize - batch.size() || closed || flushTarget >= first.seq()) {
                take(batch);
                return false;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                take(batch);
                return true;
            }
            try {
                workAvailable.awaitNanos(remaining);
            } catch (InterruptedException e) {
                take(batch);
                return false;
            }
        }
        return false;
    }

    /**
     * Moves the head of the queue into the batch and counts it as in flight at once, so that {@link #flush} sees it
     * while the worker lingers (lock held).
     */
    private boolean moveOne(List<Entry> batch) {
        Entry next = queue.pollFirst();
        if (next == null) {
            return false;
        }
        if (batch.isEmpty()) {
            inflightFirstSeq = next.seq();
        }
        batch.add(next);
        inflightSize = batch.size();
        return true;
    }

    private void deliverFromMemory(List<Entry> batch, boolean closing, boolean lingerExpired) {
        List<AuditEvent> events = new ArrayList<>(batch.size());
        batch.forEach(en -> events.add(en.event()));
        if (lingerExpired && fsyncPolicy == FsyncPolicy.PER_BATCH) {
            // A partial batch: bound how long its events wait for an fsync.
            syncQuietly();
        }
        Throwable failure;
        try {
            downstream.write(events);
            delivered.addAndGet(events.size());
            spool.commit(batch.get(batch.size() - 1).end(), events.size());
            recovered();
            lock.lock();
            try {
                inflightSize = 0;
                inflightFirstSeq = 0;
                progress.signalAll();
            } finally {
                lock.unlock();
            }
            return;
        } catch (Throwable t) {
            failure = t;
        }
        int waiting = dropMemory();
        if (fsyncPolicy != FsyncPolicy.OS) {
            syncQuietly();
        }
        if (isRejection(failure)) {
            // Not an outage: no backoff; the replay narrows the batch down to the rejected event(s).
            LOG.warn("Audit downstream rejected a batch of {} events ({}); replaying them from the spool to find "
                    + "and set aside the rejected event(s)", events.size(), failure);
            return;
        }
        boolean firstFailure = backoff == null;
        failedWhileClosing |= closing;
        scheduleRetry();
        String outcome = "spooled " + waiting + " events to " + spool.directory() + " for a replay ("
                + spool.pendingEvents() + " now waiting there)";
        String next = closing ? "they will be replayed by the next sink opened on " + spool.directory()
                : "next attempt in " + backoff;
        if (firstFailure) {
            LOG.warn("Audit downstream failed for {} events; {}; {}", events.size(), outcome, next, failure);
        } else {
            LOG.warn("Audit downstream failed again for {} events ({}); {}; {}", events.size(), failure, outcome,
                    next);
        }
    }

    /**
     * Leaves the memory queue (and the batch in flight) to the spool, from which the worker replays from now on.
     *
     * @return how many events move to the replay
     */
    private int dropMemory() {
        lock.lock();
        try {
            int moved = inflightSize + queue.size();
            if (moved == 0) {
                return 0;
            }
            queue.clear();
            backlog = true;
            inflightSize = 0;
            inflightFirstSeq = 0;
            spooled.addAndGet(moved);
            progress.signalAll();
            return moved;
        } finally {
            lock.unlock();
        }
    }

    /** Events the spool could not take when written: deliver them, or else spool them now, or keep them. */
    private void deliverUnspooled(List<Entry> batch, boolean closing) {
        List<AuditEvent> events = new ArrayList<>(batch.size());
        batch.forEach(en -> events.add(en.event()));
        Throwable failure;
        try {
            downstream.write(events);
            delivered.addAndGet(events.size());
            recovered();
            lock.lock();
            try {
                unspooled.subList(0, batch.size()).clear();
                progress.signalAll();
            } finally {
                lock.unlock();
            }
            return;
        } catch (Throwable t) {
            failure = t;
        }
        boolean rejection = isRejection(failure);
        boolean safe = respool(batch);
        if (!rejection || !safe) {
            failedWhileClosing |= closing && !rejection;
            scheduleRetry();
        }
        if (safe) {
            LOG.warn("Audit downstream {} {} events kept in memory ({}); spooled them to {} for a replay",
                    rejection ? "rejected" : "failed for", events.size(), failure, spool.directory());
        } else {
            LOG.error("Audit downstream {} {} events kept in memory ({}) and the spool {} still cannot take them; "
                    + "{}. Event ids: {}", rejection ? "rejected" : "failed for", events.size(), failure,
                    spool.directory(), closing ? "the sink is closing" : "next attempt in " + backoff,
                    AuditBatches.ids(events));
        }
    }

    /**
     * Writes events that were kept in memory to the spool (taking the writing role), fsync'd; from there the replay
     * delivers them.
     *
     * @return whether they are in the spool now
     */
    private boolean respool(List<Entry> batch) {
        List<AuditEvent> events = new ArrayList<>(batch.size());
        batch.forEach(en -> events.add(en.event()));
        Group group = encode(events);
        lock.lock();
        try {
            while (writing) {
                groupDone.awaitUninterruptibly();
            }
            writing = true;
        } finally {
            lock.unlock();
        }
        AuditSpool.Position start = null;
        try {
            start = spool.write(group.bytes, group.bytes.length, events.size());
            // Rare and late already: make these durable at once, whatever the policy.
            syncQuietly();
        } catch (IOException e) {
            LOG.debug("Spooling {} audit events kept in memory failed: {}", events.size(), e.toString());
        } finally {
            lock.lock();
            try {
                if (start != null) {
                    // Written after events that may still be queued: the queue stops here, the spool goes on.
                    backlog = true;
                    publishedEnd = new AuditSpool.Position(start.segment(), start.offset() + group.bytes.length);
                    unspooled.removeAll(batch);
                    spooled.addAndGet(events.size());
                }
                writing = false;
                groupDone.signalAll();
                progress.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return start != null;
    }

    /** Replays the next chunk of the spool, up to the last published line. */
    private void replayOnce(AuditSpool.Position limit, boolean closing) {
        AuditSpool.Chunk chunk;
        AuditSpool.Position from = spool.delivered();
        try {
            chunk = spool.readPending(replayLimit, limit);
        } catch (Exception e) {
            scheduleRetry();
            failedWhileClosing |= closing;
            LOG.error("Could not read the audit spool {} ({}); next attempt in {}", spool.directory(), e.toString(),
                    backoff);
            return;
        }
        if (chunk.end().equals(from)) {
            if (from.equals(limit)) {
                // Up to the lines published when this round began; later ones are read in the next round.
                caughtUp();
            } else {
                // Nothing readable although lines are published: wait instead of spinning on it.
                scheduleRetry();
                failedWhileClosing |= closing;
            }
            return;
        }
        if (!chunk.events().isEmpty()) {
            try {
                downstream.write(chunk.events());
            } catch (Throwable t) {
                if (isRejection(t)) {
                    isolateRejected(chunk, t);
                    return;
                }
                scheduleRetry();
                failedWhileClosing |= closing;
                LOG.warn("Audit downstream failed while replaying the spool ({}); {} events remain spooled in {}; "
                        + "next attempt in {}", t, spool.pendingEvents(), spool.directory(), backoff);
                return;
            }
            delivered.addAndGet(chunk.events().size());
            replayedSinceEmpty += chunk.events().size();
        }
        recovered();
        spool.commit(chunk.end(), chunk.lines());
        caughtUp();
    }

    /**
     * After a replayed chunk: if the replay has reached the last published line, new events go through memory again
     * and the spool files are deleted when nothing is left.
     *
     * @return whether the replay has caught up
     */
    private boolean caughtUp() {
        lock.lock();
        try {
            if (!spool.delivered().equals(publishedEnd)) {
                return false;
            }
            backlog = false;
            overflowing = false;
        } finally {
            lock.unlock();
        }
        replayLimit = batchSize;
        if (replayedSinceEmpty > 0) {
            boolean empty = tryCompact();
            LOG.info("Replayed {} spooled audit events to the downstream; {}", replayedSinceEmpty,
                    empty ? "the spool " + spool.directory() + " is empty"
                            : "new events go straight to the downstream again (spool " + spool.directory() + ")");
            replayedSinceEmpty = 0;
        }
        return true;
    }

    /**
     * Handles a chunk the downstream refused as invalid: halves the replay size until the refused event is alone,
     * then moves it to the rejected file so that the events behind it are no longer held back.
     */
    private void isolateRejected(AuditSpool.Chunk chunk, Throwable rejection) {
        recovered();
        if (chunk.events().size() > 1) {
            replayLimit = Math.max(1, chunk.events().size() / 2);
            LOG.warn("Audit downstream rejected a replayed batch of {} events ({}); retrying {} at a time to find "
                    + "the rejected event", chunk.events().size(), rejection, replayLimit);
            return;
        }
        AuditEvent event = chunk.events().get(0);
        try {
            spool.quarantine(event, rejection.toString(), clock.instant());
        } catch (Exception e) {
            scheduleRetry();
            LOG.error("Audit downstream rejected event {} ({}) and it could not be set aside in {} ({}); it stays "
                    + "in the spool, next attempt in {}", event.eventId(), rejection, spool.rejectedFile(),
                    e.toString(), backoff);
            return;
        }
        LOG.error("Audit downstream rejected event {} for good ({}); moved it to {} and went on with the next "
                + "events. Its content: {}", event.eventId(), rejection, spool.rejectedFile(), event.toJson());
        replayLimit = batchSize;
        spool.commit(chunk.end(), chunk.lines());
        caughtUp();
    }

    /**
     * Deletes the spool files when everything written is delivered and no write is under way (takes the writing
     * role meanwhile).
     *
     * @return whether the files were deleted
     */
    private boolean tryCompact() {
        lock.lock();
        try {
            if (writing || !staged.isEmpty() || !queue.isEmpty() || inflightSize > 0 || backlog
                    || !unspooled.isEmpty() || !spool.hasFiles() || spool.pendingEvents() > 0) {
                return false;
            }
            writing = true;
        } finally {
            lock.unlock();
        }
        AuditSpool.Position next = null;
        try {
            next = spool.compact();
        } finally {
            lock.lock();
            try {
                if (next != null) {
                    publishedEnd = next;
                }
                writing = false;
                groupDone.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return next != null;
    }

    /** A rejection says the batch itself is invalid; retrying it unchanged can never succeed. */
    private static boolean isRejection(Throwable t) {
        return t instanceof ValidationException || t instanceof InvalidRequestException;
    }

    private void finishClose() {
        List<Entry> left;
        lock.lock();
        try {
            left = new ArrayList<>(unspooled);
        } finally {
            lock.unlock();
        }
        if (!left.isEmpty() && !respool(left)) {
            logLost(events(left));
            lock.lock();
            try {
                unspooled.clear();
            } finally {
                lock.unlock();
            }
        }
        // Whatever the policy: a clean stop followed by a power loss loses nothing.
        syncQuietly();
        if (spool.pendingEvents() > 0) {
            spool.persistCursor();
            LOG.warn("Closing with {} audit events waiting in the spool {}; the next BatchingAuditSink opened on "
                    + "that directory will replay them", spool.pendingEvents(), spool.directory());
        } else {
            tryCompact();
        }
    }

    private boolean backingOff() {
        return retryAt != null && clock.instant().isBefore(retryAt);
    }

    private void scheduleRetry() {
        backoff = backoff == null ? initialBackoff : min(backoff.multipliedBy(2), maxBackoff);
        retryAt = clock.instant().plus(backoff);
    }

    private void recovered() {
        backoff = null;
        retryAt = null;
    }

    private static List<AuditEvent> events(List<Entry> entries) {
        List<AuditEvent> out = new ArrayList<>(entries.size());
        entries.forEach(en -> out.add(en.event()));
        return out;
    }

    private static void logLost(List<AuditEvent> events) {
        for (AuditEvent e : events) {
            LOG.error("Audit event {} could be neither delivered nor spooled before the sink closed; its full "
                    + "content, to re-enter by hand: {}", e.eventId(), e.toJson());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Collects the settings of a {@link BatchingAuditSink}; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {

        private AuditSink downstream;
        private Path spoolDirectory;
        private int queueCapacity = 10_000;
        private int batchSize = 100;
        private Duration linger = Duration.ofMillis(200);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofMinutes(1);
        private Duration flushTimeout = Duration.ofSeconds(30);
        private FsyncPolicy fsyncPolicy = FsyncPolicy.PER_BATCH;
        private long segmentBytes = AuditSpool.DEFAULT_SEGMENT_BYTES;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper;
        private String threadName;

        private Builder() {
        }

        /**
         * Sets the sink that stores the events. Required.
         *
         * @param downstream e.g. a database sink or a {@link Slf4jAuditSink}
         * @return this builder
         */
        public Builder downstream(AuditSink downstream) {
            this.downstream = downstream;
            return this;
        }

        /**
         * Sets the local directory of the spool (created if missing). Required. It must survive restarts (not a
         * temporary directory wiped at boot), be on a local disk, and be used by one open sink at a time.
         *
         * @param spoolDirectory e.g. {@code Path.of("/var/lib/rabaislocal/audit-spool")}
         * @return this builder
         */
        public Builder spoolDirectory(Path spoolDirectory) {
            this.spoolDirectory = spoolDirectory;
            return this;
        }

        /**
         * Sets how many written events the worker keeps in memory for delivery; beyond that it reads them back from
         * the spool, more slowly. Never blocks {@code write}. Default 10,000.
         *
         * @param queueCapacity at least {@link #batchSize(int)}
         * @return this builder
         */
        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Sets the most events sent to the downstream in one call (also the chunk size of a replay, and the number
         * of events between two fsyncs under {@link FsyncPolicy#PER_BATCH}). Default 100.
         *
         * @param batchSize at least 1
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets how long the first event of a partial batch may wait for more before the batch is sent. Default 200
         * ms.
         *
         * @param linger zero (send at once) or more
         * @return this builder
         */
        public Builder linger(Duration linger) {
            this.linger = linger;
            return this;
        }

        /**
         * Sets the wait after the first failure of the downstream (or of the spool); it doubles after each further
         * failure up to {@link #maxBackoff(Duration)} and resets on success. Default 1 s.
         *
         * @param initialBackoff positive
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /**
         * Sets the longest wait between two delivery attempts. Default 1 min.
         *
         * @param maxBackoff at least {@link #initialBackoff(Duration)}
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * Sets how long {@link BatchingAuditSink#flush()} and {@link BatchingAuditSink#close()} wait. Default 30 s.
         *
         * @param flushTimeout positive
         * @return this builder
         */
        public Builder flushTimeout(Duration flushTimeout) {
            this.flushTimeout = flushTimeout;
            return this;
        }

        /**
         * Sets when the spool is forced to disk, i.e. what a power loss can take; a crash of the process loses no
         * accepted event under any policy. Default {@link FsyncPolicy#PER_BATCH}: an fsync every
         * {@link #batchSize(int) batchSize} events (and at most about one {@link #linger(Duration) linger} after an
         * event was written).
         *
         * @param fsyncPolicy the policy, not null
         * @return this builder
         */
        public Builder fsyncPolicy(FsyncPolicy fsyncPolicy) {
            this.fsyncPolicy = fsyncPolicy;
            return this;
        }

        /** Sets the size in bytes at which the spool moves to a new file; tests make it small to see the roll-over. */
        Builder segmentBytes(long segmentBytes) {
            this.segmentBytes = segmentBytes;
            return this;
        }

        /**
         * Sets the clock that times the backoff. Default the system UTC clock.
         *
         * @param clock a clock; tests pass one they advance by hand
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets how the worker waits for the next attempt while backing off. Default (null): a wait that new events,
         * {@code flush()} and {@code close()} cut short. The worker waits at most one {@link #linger(Duration)}
         * (10 ms at least) at a time, so that it fsyncs the spool regularly during an outage and a custom sleeper
         * that cannot be woken early still lets {@code flush()} and {@code close()} in.
         *
         * @param sleeper the sleeper, or null for the default
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * Sets the name of the worker thread. Default {@code rabaislocal-audit-sink-N}.
         *
         * @param threadName not blank, or null for the default
         * @return this builder
         */
        public Builder threadName(String threadName) {
            this.threadName = threadName;
            return this;
        }

        /**
         * Validates the settings, opens the spool (replaying what a previous run left there, in the background) and
         * starts the worker thread.
         *
         * @return the running sink
         * @throws ConfigException listing every invalid setting, or if the spool directory cannot be created, is not
         *     writable, or is used by another open sink
         */
        public BatchingAuditSink build() {
            List<String> problems = new ArrayList<>();
            if (downstream == null) {
                problems.add("downstream is required: the AuditSink that stores the events (call downstream(...))");
            }
            if (spoolDirectory == null) {
                problems.add("spoolDirectory is required: a local directory where undelivered audit events wait "
                        + "(call spoolDirectory(...))");
            }
            if (batchSize < 1) {
                problems.add("batchSize must be at least 1 (was " + batchSize + ")");
            }
            if (queueCapacity < 1) {
                problems.add("queueCapacity must be at least 1 (was " + queueCapacity + ")");
            } else if (batchSize >= 1 && queueCapacity < batchSize) {
                problems.add("queueCapacity must be at least batchSize " + batchSize + " (was " + queueCapacity + ")");
            }
            checkDuration(problems, "linger", linger, true);
            checkDuration(problems, "initialBackoff", initialBackoff, false);
            checkDuration(problems, "maxBackoff", maxBackoff, false);
            checkDuration(problems, "flushTimeout", flushTimeout, false);
            if (initialBackoff != null && maxBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
                problems.add("maxBackoff must be at least initialBackoff " + initialBackoff + " (was " + maxBackoff
                        + ")");
            }
            if (fsyncPolicy == null) {
                problems.add("fsyncPolicy must not be null (the default is PER_BATCH)");
            }
            if (segmentBytes < 1) {
                problems.add("segmentBytes must be at least 1 (was " + segmentBytes + ")");
            }
            if (clock == null) {
                problems.add("clock must not be null");
            }
            if (threadName != null && threadName.isBlank()) {
                problems.add("threadName must not be blank (leave it unset for the default)");
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new BatchingAuditSink(this);
        }

        private static void checkDuration(List<String> problems, String name, Duration value, boolean zeroAllowed) {
            if (value == null) {
                problems.add(name + " must not be null");
            } else if (value.isNegative() || (!zeroAllowed && value.isZero())) {
                problems.add(name + " must be " + (zeroAllowed ? "zero or more" : "positive") + " (was " + value + ")");
            } else if (value.compareTo(MAX_DURATION) > 0) {
                // Longer waits would overflow the nanosecond arithmetic of the waits.
                problems.add(name + " must be at most " + MAX_DURATION.toDays() + " days (was " + value + ")");
            }
        }
    }
}
