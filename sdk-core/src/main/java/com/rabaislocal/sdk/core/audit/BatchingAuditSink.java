package com.rabaislocal.sdk.core.audit;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An asynchronous {@link AuditSink} in front of any downstream sink (a database table, an HTTP endpoint, a log):
 * {@link #write(List)} only queues the events and returns; one background thread delivers them in batches, and keeps
 * every event it could not deliver in a local spool on disk until the downstream takes it. Thread-safe.
 *
 * <p><b>Batching.</b> The worker sends a batch as soon as {@link Builder#batchSize(int) batchSize} events are queued,
 * or when the first queued event has waited {@link Builder#linger(Duration) linger}, or on {@link #flush()} and
 * {@link #close()}.
 *
 * <p><b>No event is lost.</b> When the downstream throws, the batch is appended to the spool
 * ({@code audit-spool.jsonl} in the {@link Builder#spoolDirectory(Path) spool directory}: one JSON event per line,
 * fsync'd) and replayed later, in order, with exponential backoff between attempts ({@link
 * Builder#initialBackoff(Duration) initialBackoff} doubling up to {@link Builder#maxBackoff(Duration) maxBackoff}).
 * While anything waits in the spool, new batches are appended behind it so order is kept. Events left in the spool
 * when the process stops are replayed by the next {@code BatchingAuditSink} opened on the same directory; replayed
 * events are never replayed again (a cursor file records the delivered offset; the files are deleted once everything
 * is delivered). If even the spool cannot be written, each event id is logged at ERROR and the events stay in memory
 * for the next attempt; only at {@link #close()}, if neither the downstream nor the disk takes them, their full JSON
 * is logged at ERROR so they can be re-entered by hand.
 *
 * <p><b>Rejected events.</b> When the downstream throws a {@link ValidationException} or an
 * {@link InvalidRequestException} (the batch is invalid, not the downstream down; see {@link AuditSink}), the batch is
 * spooled and replayed in ever smaller chunks until the refused event is alone; that event is then appended to
 * {@code audit-rejected.jsonl} in the spool directory (its JSON plus {@code rejected_at} and
 * {@code rejected_reason}) and logged in full at ERROR, and the events behind it go on. That file is never replayed
 * automatically: fix the cause, then write its lines back (each reads with {@link AuditEvent#fromJson(String)}).
 *
 * <p><b>At least once.</b> A batch may reach the downstream more than once (a timeout after it was stored, a crash
 * between delivery and recording it): downstreams deduplicate on {@link AuditEvent#eventId()}.
 *
 * <p><b>Full queue.</b> When {@link Builder#queueCapacity(int) queueCapacity} events are waiting, {@code write} blocks
 * the caller for at most {@link Builder#enqueueTimeout(Duration) enqueueTimeout}, then writes the event straight to
 * the spool from the caller's thread (such events may then be delivered ahead of older queued ones).
 *
 * <p><b>Logging</b> (logger {@code com.rabaislocal.sdk.core.audit}): WARN when the downstream fails, with how many
 * events were spooled; INFO when the spool has been replayed; ERROR when the spool itself fails and when an event is
 * set aside as rejected.
 *
 * <p>The downstream is called from the worker thread only, never concurrently, and is not closed by this sink: its
 * owner closes it after closing this sink. The worker is a daemon thread: close this sink when the application stops,
 * or the events still in memory are lost as in a crash.
 */
public final class BatchingAuditSink implements AuditSink {

    static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.core.audit");

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration MAX_DURATION = Duration.ofDays(365);

    /**
     * Waits between delivery attempts. The default waits on the sink itself, so that new events, {@link #flush()}
     * and {@link #close()} wake it early; tests inject one that advances a fake {@link Clock} instead of sleeping.
     */
    @FunctionalInterface
    public interface Sleeper {

        /**
         * Waits for the given time (or less).
         *
         * @param duration how long to wait, positive
         * @throws InterruptedException if the waiting thread is interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A queued event with its arrival number, used by {@link #flush(Duration)} to know what came before it. */
    private record Entry(long seq, AuditEvent event) {
    }

    private final AuditSink downstream;
    private final Path spoolDirectory;
    private final int queueCapacity;
    private final int batchSize;
    private final Duration linger;
    private final Duration enqueueTimeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration flushTimeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String configuredThreadName;
    private final String threadName;

    private final AuditSpool spool;
    private final Thread worker;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Condition spaceAvailable = lock.newCondition();
    private final Condition progress = lock.newCondition();
    // Guarded by lock.
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private long lastSeq;
    private long inflightFirstSeq;
    private int inflightSize;
    private long flushTarget;
    private boolean closed;
    private boolean workerExited;
    private boolean overflowing;

    // Worker thread only.
    private Instant retryAt;
    private Duration backoff;
    private boolean spoolFailing;
    private boolean failedWhileClosing;
    private long replayedSinceEmpty;
    private int replayLimit;
    private List<Entry> current;

    private BatchingAuditSink(Builder b) {
        this.downstream = b.downstream;
        this.spoolDirectory = b.spoolDirectory;
        this.queueCapacity = b.queueCapacity;
        this.batchSize = b.batchSize;
        this.linger = b.linger;
        this.enqueueTimeout = b.enqueueTimeout;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.flushTimeout = b.flushTimeout;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.configuredThreadName = b.threadName;
        this.threadName = b.threadName != null ? b.threadName
                : "rabaislocal-audit-sink-" + INSTANCES.incrementAndGet();
        this.replayLimit = b.batchSize;
        this.spool = AuditSpool.open(b.spoolDirectory, LOG);
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
                .enqueueTimeout(enqueueTimeout)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .flushTimeout(flushTimeout)
                .clock(clock)
                .sleeper(sleeper)
                .threadName(configuredThreadName);
    }

    /**
     * Queues the events for delivery and returns; see the class description for what happens when the queue is
     * full.
     *
     * @param batch the events, none null
     * @throws com.rabaislocal.sdk.core.error.ValidationException if the batch or one of its events is null
     * @throws IllegalStateException if this sink is closed; the message lists the ids of the events not accepted
     */
    @Override
    public void write(List<AuditEvent> batch) {
        List<AuditEvent> events = AuditBatches.checked(batch);
        for (int i = 0; i < events.size(); i++) {
            if (!enqueue(events.get(i))) {
                throw new IllegalStateException("BatchingAuditSink on " + spool.directory() + " is closed; audit "
                        + "events not accepted: " + AuditBatches.ids(events.subList(i, events.size())));
            }
        }
    }

    /**
     * Waits until every event whose {@code write} returned before this call is delivered or safely spooled, at most
     * the builder's {@link Builder#flushTimeout(Duration) flushTimeout}.
     *
     * @return true if so; false on timeout (e.g. the downstream is down and the disk is failing too)
     */
    public boolean flush() {
        return flush(flushTimeout);
    }

    /**
     * Sends the partial batch now and waits until every event whose {@code write} returned before this call is
     * delivered to the downstream or written to the spool. Does not wait for the spool to be replayed.
     *
     * @param timeout the longest to wait
     * @return true if every such event is delivered or spooled; false on timeout, interruption (the interrupt flag is
     *     restored) or if the sink is closed with events it could not place
     */
    public boolean flush(Duration timeout) {
        long remaining = timeout == null ? 0 : Math.max(0, timeout.toNanos());
        lock.lock();
        try {
            long target = lastSeq;
            flushTarget = Math.max(flushTarget, target);
            workAvailable.signalAll();
            while (oldestInMemory() <= target) {
                if (workerExited || remaining <= 0) {
                    return false;
                }
                remaining = progress.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops accepting events, delivers or spools every queued event, makes one last attempt to replay the spool,
     * and stops the worker. Waits at most {@link Builder#flushTimeout(Duration) flushTimeout}; if the worker is
     * still busy then (a hanging downstream), it finishes in the background and the pending event ids are logged at
     * ERROR. Events that remain in the spool are replayed by the next sink opened on the same directory. Idempotent.
     * The downstream is not closed.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            workAvailable.signalAll();
            spaceAvailable.signalAll();
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
            List<AuditEvent> inMemory = new ArrayList<>();
            lock.lock();
            try {
                queue.forEach(en -> inMemory.add(en.event()));
            } finally {
                lock.unlock();
            }
            LOG.error("Audit worker {} did not finish within {}; it goes on in the background. Events still queued: {}",
                    threadName, flushTimeout, AuditBatches.ids(inMemory));
        }
    }

    /**
     * Returns how many events the downstream has accepted so far, directly or by replay (an event replayed twice
     * counts twice).
     *
     * @return the count since this sink was built
     */
    public long deliveredCount() {
        return delivered.get();
    }

    /**
     * Returns how many events this sink has written to its spool (because the downstream failed, because older
     * events were already waiting there, or because the queue was full).
     *
     * @return the count since this sink was built
     */
    public long spooledCount() {
        return spooled.get();
    }

    /**
     * Returns how many events are not yet delivered: queued or in flight in memory, plus those waiting in the spool
     * (including any left by a previous run). Approximate while the worker is busy, exact when it is idle.
     *
     * @return the count
     */
    public long pendingCount() {
        long inMemory;
        lock.lock();
        try {
            inMemory = queue.size() + inflightSize;
        } finally {
            lock.unlock();
        }
        return inMemory + spool.pendingEvents();
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

    private boolean enqueue(AuditEvent event) {
        boolean interrupted = false;
        boolean warnOverflow = false;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            long remaining = enqueueTimeout.toNanos();
            while (queue.size() >= queueCapacity && !closed && remaining > 0) {
                try {
                    remaining = spaceAvailable.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    // Do not lose the event: stop waiting and spool it.
                    interrupted = true;
                    break;
                }
            }
            if (closed) {
                return false;
            }
            if (queue.size() < queueCapacity) {
                queue.addLast(new Entry(++lastSeq, event));
                overflowing = false;
                workAvailable.signal();
                return true;
            }
            warnOverflow = !overflowing;
            overflowing = true;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (warnOverflow) {
            LOG.warn("Audit queue is full ({} events) and stayed full for {}; writing new events straight to the "
                    + "spool {} until it drains", queueCapacity, enqueueTimeout, spool.dataFile());
        }
        boolean written;
        try {
            spool.append(List.of(event));
            spooled.incrementAndGet();
            written = true;
        } catch (Exception e) {
            LOG.error("Could not write audit event {} to the spool {} ({}); keeping it in memory for the next "
                    + "attempt", event.eventId(), spool.dataFile(), e.toString());
            written = false;
        }
        lock.lock();
        try {
            if (!written && workerExited) {
                logLost(List.of(event));
            } else if (!written) {
                queue.addLast(new Entry(++lastSeq, event));
            }
            // Either way the worker has something new to handle (a spooled event to replay, or this one).
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
        return true;
    }

    private long oldestInMemory() {
        if (inflightSize > 0) {
            return inflightFirstSeq;
        }
        Entry head = queue.peekFirst();
        return head == null ? Long.MAX_VALUE : head.seq();
    }

    // ---------------------------------------------------------------- worker

    private void work() {
        try {
            while (true) {
                try {
                    Boolean more = step();
                    if (more == null) {
                        continue;
                    }
                    if (!more) {
                        break;
                    }
                } catch (RuntimeException | Error e) {
                    LOG.error("Audit worker {} hit an unexpected error; its events are kept for the next attempt",
                            threadName, e);
                    if (current != null) {
                        pushBack(current);
                        current = null;
                    }
                    scheduleRetry();
                }
            }
            finishClose();
        } finally {
            spool.close();
            lock.lock();
            try {
                workerExited = true;
                if (!queue.isEmpty()) {
                    List<AuditEvent> left = new ArrayList<>();
                    queue.forEach(en -> left.add(en.event()));
                    queue.clear();
                    logLost(left);
                }
                progress.signalAll();
                spaceAvailable.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * One round: wait for work, take a batch, replay a chunk of the spool when due, then deliver or spool the batch.
     *
     * @return false when closed and drained, null to go round again without work done, true otherwise
     */
    private Boolean step() {
        boolean closing;
        lock.lock();
        try {
            closing = closed;
            if (!closing && backingOff() && (spoolFailing || queue.isEmpty())) {
                pause(Duration.between(clock.instant(), retryAt));
                return null;
            }
            if (!closing && queue.isEmpty() && !spool.hasPending()) {
                workAvailable.awaitUninterruptibly();
                return null;
            }
            if (closing && queue.isEmpty()) {
                return false;
            }
            current = new ArrayList<>();
            if (closing || backingOff() || spool.hasPending()) {
                take(current);
            } else {
                lingerTake(current);
            }
        } finally {
            lock.unlock();
        }
        // Older events first: a due chunk of the spool goes out before the batch just taken.
        if (!closing && spool.hasPending() && !backingOff()) {
            replayOnce();
        }
        if (!current.isEmpty()) {
            deliver(current, closing);
        }
        current = null;
        return true;
    }

    /** Waits (lock held) until the retry time, at most one linger when a custom sleeper cannot be woken early. */
    private void pause(Duration untilRetry) {
        Duration wait = untilRetry.isNegative() || untilRetry.isZero() ? Duration.ofMillis(1) : untilRetry;
        if (sleeper == null) {
            try {
                workAvailable.awaitNanos(wait.toNanos());
            } catch (InterruptedException e) {
                // Only this sink owns the worker; an interrupt just ends the wait early.
            }
            return;
        }
        if (!linger.isZero() && linger.compareTo(wait) < 0) {
            wait = linger;
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

    /** Takes the first queued event, then waits up to the linger for a full batch (lock held). */
    private void lingerTake(List<Entry> batch) {
        moveOne(batch);
        Entry first = batch.get(0);
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < batchSize) {
            if (moveOne(batch)) {
                continue;
            }
            if (closed || flushTarget >= first.seq() || spool.hasPending()) {
                break;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                workAvailable.awaitNanos(remaining);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /**
     * Moves the head of the queue into the batch and counts it as in flight at once, so that {@link #flush} and
     * {@link #pendingCount()} see it while the worker lingers (lock held).
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
        spaceAvailable.signal();
        return true;
    }

    private void deliver(List<Entry> batch, boolean closing) {
        List<AuditEvent> events = new ArrayList<>(batch.size());
        batch.forEach(en -> events.add(en.event()));
        boolean direct = !spool.hasPending() && !backingOff() && !(closing && failedWhileClosing);
        Throwable failure = null;
        if (direct) {
            try {
                downstream.write(events);
                delivered.addAndGet(events.size());
                recovered();
                done();
                return;
            } catch (Throwable t) {
                failure = t;
            }
        }
        boolean safe = spoolEvents(events, closing);
        if (failure != null && isRejection(failure)) {
            // Not an outage: no backoff; the replay narrows the batch down to the rejected event(s).
            LOG.warn("Audit downstream rejected a batch of {} events ({}); {}", events.size(), failure,
                    safe ? "spooled them to find and set aside the rejected event(s)"
                            : "they could not be spooled either (see the ERROR line)");
            if (!safe) {
                scheduleRetry();
            }
        } else if (failure != null) {
            boolean firstFailure = backoff == null;
            failedWhileClosing |= closing;
            scheduleRetry();
            String outcome = safe
                    ? "spooled " + events.size() + " events to " + spool.dataFile() + " (" + spool.pendingEvents()
                            + " now waiting there)"
                    : "they could not be spooled either (see the ERROR line)";
            String next = closing ? "they will be replayed by the next sink opened on " + spool.directory()
                    : "next attempt in " + backoff;
            if (firstFailure) {
                LOG.warn("Audit downstream failed for {} events; {}; {}", events.size(), outcome, next, failure);
            } else {
                LOG.warn("Audit downstream failed again for {} events ({}); {}; {}", events.size(), failure,
                        outcome, next);
            }
        } else if (!safe && !backingOff()) {
            scheduleRetry();
        }
        if (safe) {
            done();
        } else if (closing) {
            logLost(events);
            done();
        } else {
            pushBack(batch);
        }
    }

    private boolean spoolEvents(List<AuditEvent> events, boolean closing) {
        try {
            spool.append(events);
            spooled.addAndGet(events.size());
            spoolFailing = false;
            return true;
        } catch (Exception e) {
            spoolFailing = true;
            LOG.error("Could not write {} audit events to the spool {} ({}); {}. Event ids: {}", events.size(),
                    spool.dataFile(), e.toString(), closing ? "the sink is closing"
                            : "keeping them in memory for the next attempt", AuditBatches.ids(events));
            return false;
        }
    }

    /**
     * Replays the next chunk of the spool.
     *
     * @return true if a chunk was delivered
     */
    private boolean replayOnce() {
        AuditSpool.Chunk chunk;
        try {
            chunk = spool.readPending(replayLimit);
        } catch (Exception e) {
            scheduleRetry();
            LOG.error("Could not read the audit spool {} ({}); next attempt in {}", spool.dataFile(), e.toString(),
                    backoff);
            return false;
        }
        if (chunk.lines() == 0) {
            // Nothing readable although events are counted: wait instead of spinning on it.
            scheduleRetry();
            return false;
        }
        if (!chunk.events().isEmpty()) {
            try {
                downstream.write(chunk.events());
            } catch (Throwable t) {
                if (isRejection(t)) {
                    return isolateRejected(chunk, t);
                }
                scheduleRetry();
                LOG.warn("Audit downstream failed while replaying the spool ({}); {} events remain spooled in {}; "
                        + "next attempt in {}", t, spool.pendingEvents(), spool.dataFile(), backoff);
                return false;
            }
            delivered.addAndGet(chunk.events().size());
            replayedSinceEmpty += chunk.events().size();
        }
        recovered();
        try {
            spool.commit(chunk);
        } catch (Exception e) {
            LOG.error("Could not record replay progress in the audit spool {} ({}); the {} events just replayed may "
                    + "be replayed again after a restart", spool.directory(), e.toString(), chunk.events().size());
        }
        if (!spool.hasPending()) {
            LOG.info("Replayed {} spooled audit events to the downstream; the spool {} is empty",
                    replayedSinceEmpty, spool.directory());
            replayedSinceEmpty = 0;
            replayLimit = batchSize;
        }
        return true;
    }

    /**
     * Handles a chunk the downstream refused as invalid: halves the replay size until the refused event is alone,
     * then moves it to the rejected file so that the events behind it are no longer held back.
     *
     * @return true if the replay may go on at once
     */
    private boolean isolateRejected(AuditSpool.Chunk chunk, Throwable rejection) {
        recovered();
        if (chunk.events().size() > 1) {
            replayLimit = Math.max(1, chunk.events().size() / 2);
            LOG.warn("Audit downstream rejected a replayed batch of {} events ({}); retrying {} at a time to find "
                    + "the rejected event", chunk.events().size(), rejection, replayLimit);
            return true;
        }
        AuditEvent event = chunk.events().get(0);
        try {
            spool.quarantine(event, rejection.toString(), clock.instant());
        } catch (Exception e) {
            scheduleRetry();
            LOG.error("Audit downstream rejected event {} ({}) and it could not be set aside in {} ({}); it stays "
                    + "in the spool, next attempt in {}", event.eventId(), rejection, spool.rejectedFile(),
                    e.toString(), backoff);
            return false;
        }
        LOG.error("Audit downstream rejected event {} for good ({}); moved it to {} and went on with the next "
                + "events. Its content: {}", event.eventId(), rejection, spool.rejectedFile(), event.toJson());
        replayLimit = batchSize;
        try {
            spool.commit(chunk);
        } catch (Exception e) {
            LOG.error("Could not record replay progress in the audit spool {} ({}); event {} may be offered to "
                    + "the downstream again after a restart", spool.directory(), e.toString(), event.eventId());
        }
        return true;
    }

    /** A rejection says the batch itself is invalid; retrying it unchanged can never succeed. */
    private static boolean isRejection(Throwable t) {
        return t instanceof ValidationException || t instanceof InvalidRequestException;
    }

    private void finishClose() {
        if (!failedWhileClosing) {
            // One last attempt, whatever the backoff says: the process may be about to stop.
            while (spool.hasPending() && replayOnce()) {
                // Each round delivers one chunk.
            }
        }
        if (spool.hasPending()) {
            LOG.warn("Closing with {} audit events waiting in the spool {}; the next BatchingAuditSink opened on "
                    + "that directory will replay them", spool.pendingEvents(), spool.directory());
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

    private void done() {
        lock.lock();
        try {
            inflightSize = 0;
            inflightFirstSeq = 0;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void pushBack(List<Entry> batch) {
        lock.lock();
        try {
            for (int i = batch.size() - 1; i >= 0; i--) {
                queue.addFirst(batch.get(i));
            }
            inflightSize = 0;
            inflightFirstSeq = 0;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
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
        private Duration enqueueTimeout = Duration.ofSeconds(1);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofMinutes(1);
        private Duration flushTimeout = Duration.ofSeconds(30);
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
         * temporary directory wiped at boot) and be used by one open sink at a time.
         *
         * @param spoolDirectory e.g. {@code Path.of("/var/lib/rabaislocal/audit-spool")}
         * @return this builder
         */
        public Builder spoolDirectory(Path spoolDirectory) {
            this.spoolDirectory = spoolDirectory;
            return this;
        }

        /**
         * Sets how many events may wait in memory before {@code write} blocks. Default 10,000.
         *
         * @param queueCapacity at least {@link #batchSize(int)}
         * @return this builder
         */
        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Sets the most events sent to the downstream in one call (also the chunk size of a replay). Default 100.
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
         * Sets how long {@code write} blocks on a full queue before writing the event to the spool itself. Default
         * 1 s.
         *
         * @param enqueueTimeout zero (never block) or more
         * @return this builder
         */
        public Builder enqueueTimeout(Duration enqueueTimeout) {
            this.enqueueTimeout = enqueueTimeout;
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
         * {@code flush()} and {@code close()} cut short. A custom sleeper is called for at most one
         * {@link #linger(Duration)} at a time so queued events still reach the spool while it waits.
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
            checkDuration(problems, "enqueueTimeout", enqueueTimeout, true);
            checkDuration(problems, "initialBackoff", initialBackoff, false);
            checkDuration(problems, "maxBackoff", maxBackoff, false);
            checkDuration(problems, "flushTimeout", flushTimeout, false);
            if (initialBackoff != null && maxBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
                problems.add("maxBackoff must be at least initialBackoff " + initialBackoff + " (was " + maxBackoff
                        + ")");
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
