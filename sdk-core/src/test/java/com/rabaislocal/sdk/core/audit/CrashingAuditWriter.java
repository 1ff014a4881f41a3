package com.rabaislocal.sdk.core.audit;

import ch.qos.logback.classic.Level;
import com.rabaislocal.sdk.core.error.TransportException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The child process of {@link BatchingAuditSinkCrashTest}: writes audit events through a {@link BatchingAuditSink}
 * from several threads, as fast as it can, and prints {@code written <event id>} on stdout after each
 * {@code write} returned, until it is killed (or gives up after 30 s). The downstream is slow and fails often; it
 * appends the id of every event it accepts to a file, with one write system call per batch, so that what it took
 * survives the kill too.
 *
 * <p>Arguments: spool directory, {@link FsyncPolicy} name, file of delivered ids, number of writing threads.
 */
final class CrashingAuditWriter {

    private static final long GIVE_UP_NANOS = Duration.ofSeconds(30).toNanos();

    private CrashingAuditWriter() {
    }

    /**
     * Runs the writer.
     *
     * @param args spool directory, fsync policy, delivered-ids file, thread count
     * @throws Exception if the sink cannot be opened
     */
    public static void main(String[] args) throws Exception {
        // Only event ids on stdout: the parent parses it.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.OFF);
        Path spool = Path.of(args[0]);
        FsyncPolicy policy = FsyncPolicy.valueOf(args[1]);
        FileDownstream downstream = new FileDownstream(Path.of(args[2]));
        int threads = Integer.parseInt(args[3]);

        BatchingAuditSink sink = BatchingAuditSink.builder().downstream(downstream).spoolDirectory(spool)
                .fsyncPolicy(policy).batchSize(50).linger(Duration.ofMillis(5))
                .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(100)).build();
        // Autoflush: each id reaches the pipe with its own write system call, right after write() returned.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            Thread w = new Thread(() -> {
                for (int i = 0; System.nanoTime() - start < GIVE_UP_NANOS; i++) {
                    AuditEvent event = AuditEvent.builder().action(AuditEvent.UPDATE).entityType("offers")
                            .entityId(writer + "-" + i).actorId("user-" + writer).actorRole("authenticated")
                            .diff(Map.of("title", "Pizza"), Map.of("title", "Pizza XL " + i)).build();
                    sink.write(event);
                    out.println("written " + event.eventId());
                }
            }, "writer-" + t);
            writers.add(w);
            w.start();
        }
        for (Thread w : writers) {
            w.join();
        }
        // Not killed in time: the parent treats a normal exit as a failed run.
        System.exit(3);
    }

    /** Slow, often failing, and keeps what it accepts in a file that outlives the process. */
    private static final class FileDownstream implements AuditSink {

        private final FileOutputStream file;
        private final AtomicInteger calls = new AtomicInteger();

        FileDownstream(Path file) throws IOException {
            this.file = new FileOutputStream(file.toFile(), true);
        }

        @Override
        public void write(List<AuditEvent> batch) {
            int call = calls.incrementAndGet();
            sleepMillis(2);
            // Down at first, then every third call: the spool always holds a backlog when the kill comes.
            if (call <= 3 || call % 3 == 0) {
                throw new TransportException("audit-crash-test", "simulated outage on call " + call, null);
            }
            StringBuilder ids = new StringBuilder();
            for (AuditEvent e : batch) {
                ids.append("delivered ").append(e.eventId()).append('\n');
            }
            try {
                file.write(ids.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void sleepMillis(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
