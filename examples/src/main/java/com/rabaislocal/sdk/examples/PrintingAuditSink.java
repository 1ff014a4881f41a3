package com.rabaislocal.sdk.examples;

import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@link AuditSink} for the examples: prints each event as one readable line, keeps the events it saw, and
 * passes them on to another sink (e.g. a {@code BatchingAuditSink} in front of {@code LogsAuditSink}) when one is
 * given. A service would use {@code Slf4jAuditSink} or a batching database sink instead; this one exists so the
 * walk-through can show what the CRUD template emits. Thread-safe.
 */
public final class PrintingAuditSink implements AuditSink {

    private final PrintStream out;
    private final String indent;
    private final AuditSink downstream;
    private final List<AuditEvent> events = new ArrayList<>();

    /**
     * Creates a sink.
     *
     * @param out where to print
     * @param indent printed before each line, e.g. four spaces
     * @param downstream the sink to pass every event on to, or null for none; not closed by this sink
     */
    public PrintingAuditSink(PrintStream out, String indent, AuditSink downstream) {
        this.out = Objects.requireNonNull(out, "out");
        this.indent = Objects.requireNonNull(indent, "indent");
        this.downstream = downstream;
    }

    /**
     * Prints and records the events, then passes them on.
     *
     * @param batch the events
     * @throws ValidationException if the batch is null
     * @throws RuntimeException whatever the downstream sink throws (the events are printed and recorded first)
     */
    @Override
    public void write(List<AuditEvent> batch) {
        if (batch == null) {
            throw new ValidationException("batch", "must not be null");
        }
        synchronized (this) {
            for (AuditEvent e : batch) {
                events.add(e);
                out.println(indent + describe(e));
            }
        }
        if (downstream != null) {
            downstream.write(batch);
        }
    }

    /**
     * Returns the events written so far, in order.
     *
     * @return a copy of the events
     */
    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Describes an event in one line: action, entity, actor, what changed (the number of fields of a new row, the
     * names of the changed fields otherwise), request id and event id. Values are never printed.
     *
     * @param e the event
     * @return the line
     */
    public static String describe(AuditEvent e) {
        StringBuilder s = new StringBuilder("audit event: ").append(e.action()).append(' ').append(e.entityType());
        if (e.entityId() != null) {
            s.append('/').append(e.entityId());
        }
        s.append(" by ").append(e.actorId() != null ? e.actorId() + " (" + e.actorRole() + ")" : e.actorRole());
        if (e.changes().before().isEmpty() && !e.changes().after().isEmpty()) {
            s.append(", new row of ").append(e.changes().after().size()).append(" fields");
        } else if (!e.changes().isEmpty()) {
            s.append(", changed ").append(String.join(", ", e.changes().fields()));
        }
        if (e.requestId() != null) {
            s.append(", request ").append(e.requestId());
        }
        return s.append(", event id ").append(e.eventId()).toString();
    }
}
