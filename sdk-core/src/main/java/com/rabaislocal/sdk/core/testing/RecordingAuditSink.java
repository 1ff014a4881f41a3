package com.rabaislocal.sdk.core.testing;

import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * An {@link AuditSink} that records every batch it accepts and can be told to fail, to test code that emits audit
 * events or wraps a downstream sink. Thread-safe.
 */
public final class RecordingAuditSink implements AuditSink {

    private final List<List<AuditEvent>> batches = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile IntPredicate failOnCall = n -> false;
    private volatile Predicate<AuditEvent> rejected = e -> false;
    private volatile boolean closed;

    /** Creates a sink that accepts every batch until told otherwise. */
    public RecordingAuditSink() {
    }

    /**
     * Makes the next {@code n} calls fail (counted from now), then succeed again.
     *
     * @param n how many calls fail
     * @return this sink
     */
    public RecordingAuditSink failNext(int n) {
        int from = calls.get();
        failOnCall = call -> call > from && call <= from + n;
        return this;
    }

    /**
     * Makes every call fail until {@link #succeed()}.
     *
     * @return this sink
     */
    public RecordingAuditSink failAlways() {
        failOnCall = call -> true;
        return this;
    }

    /**
     * Makes the calls whose 1-based number matches fail, e.g. {@code n -> n % 5 == 0}.
     *
     * @param callNumber which calls fail
     * @return this sink
     */
    public RecordingAuditSink failWhen(IntPredicate callNumber) {
        failOnCall = callNumber;
        return this;
    }

    /**
     * Makes every batch holding a matching event fail as a server would refuse an invalid row: an
     * {@link InvalidRequestException} (HTTP 400, PostgreSQL code {@code 22P02}); the batch is not recorded.
     *
     * @param invalid which events the "server" refuses
     * @return this sink
     */
    public RecordingAuditSink rejectWhen(Predicate<AuditEvent> invalid) {
        rejected = invalid;
        return this;
    }

    /**
     * Makes every later call succeed.
     *
     * @return this sink
     */
    public RecordingAuditSink succeed() {
        failOnCall = call -> false;
        return this;
    }

    /**
     * Records the batch, or throws a {@link TransportException} (service {@code "audit-test"}) when told to fail,
     * or an {@link InvalidRequestException} when it holds an event to reject; a failed batch is not recorded.
     *
     * @param batch the events
     */
    @Override
    public void write(List<AuditEvent> batch) {
        int call = calls.incrementAndGet();
        if (failOnCall.test(call)) {
            throw new TransportException("audit-test", "simulated outage on call " + call, null);
        }
        for (AuditEvent e : batch) {
            if (rejected.test(e)) {
                throw ApiException.of(ApiError.builder().service("audit-test").httpStatus(400).method("POST")
                        .path("/rest/v1/logs_audit").code("22P02")
                        .message("invalid input syntax for type inet: \"" + e.sourceIp() + "\"").build());
            }
        }
        synchronized (batches) {
            batches.add(List.copyOf(batch));
        }
    }

    /** @return how many times {@link #write(List)} was called, failures included */
    public int calls() {
        return calls.get();
    }

    /** @return a copy of the accepted batches, in order */
    public List<List<AuditEvent>> batches() {
        synchronized (batches) {
            return List.copyOf(batches);
        }
    }

    /** @return every accepted event, in order, duplicates included */
    public List<AuditEvent> events() {
        List<AuditEvent> out = new ArrayList<>();
        for (List<AuditEvent> b : batches()) {
            out.addAll(b);
        }
        return out;
    }

    /** @return the ids of the accepted events, in first-seen order */
    public Set<UUID> eventIds() {
        Set<UUID> out = new LinkedHashSet<>();
        for (AuditEvent e : events()) {
            out.add(e.eventId());
        }
        return out;
    }

    /**
     * Waits until the given events were all accepted, polling.
     *
     * @param ids the event ids expected
     * @param timeout the longest to wait
     * @return whether all were accepted in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitIds(Set<UUID> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!eventIds().containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Marks the sink closed. */
    @Override
    public void close() {
        closed = true;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }
}
