package com.rabaislocal.sdk.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.core.testing.RecordingAuditSink;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BatchingAuditSinkTest {

    /** Only an upper bound for waiting on the background thread; no assertion depends on how long anything takes. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path tmp;

    private Path spoolDir() {
        return tmp.resolve("spool");
    }

    /** The single spool file of earlier versions, which a sink still replays. */
    private Path legacyFile() {
        return spoolDir().resolve(AuditSpool.LEGACY_DATA_FILE);
    }

    /** The spool's data files, oldest first. */
    private List<Path> spoolFiles() throws IOException {
        if (!Files.isDirectory(spoolDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spoolDir())) {
            return files.filter(f -> AuditSpool.segmentNumber(f.getFileName().toString()) >= 0)
                    .sorted(Comparator.comparingLong(f -> AuditSpool.segmentNumber(f.getFileName().toString())))
                    .collect(Collectors.toList());
        }
    }

    /** Where a sink opened on an empty directory writes its first event. */
    private Path firstSegment() {
        return spoolDir().resolve(AuditSpool.segmentName(1));
    }

    private Path cursorFile() {
        return spoolDir().resolve(AuditSpool.CURSOR_FILE);
    }

    private BatchingAuditSink.Builder sink(AuditSink downstream) {
        return BatchingAuditSink.builder().downstream(downstream).spoolDirectory(spoolDir());
    }

    private static List<AuditEvent> events(int n, String prefix) {
        List<AuditEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(AuditEvent.builder().action(AuditEvent.INSERT).entityType("offers").entityId(prefix + i)
                    .actorId("user-1").actorRole("authenticated")
                    .diff(null, Map.of("title", "Offer " + prefix + i, "price", new java.math.BigDecimal("9.99")))
                    .build());
        }
        return out;
    }

    /** A downstream that holds every call until the latch is released, then records the batch. */
    private static AuditSink gated(CountDownLatch release, RecordingAuditSink recorder) {
        return batch -> {
            try {
                if (!release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test latch never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            recorder.write(batch);
        };
    }

    private static List<UUID> ids(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::eventId).collect(Collectors.toList());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    private List<String> spoolLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : spoolFiles()) {
            lines.addAll(Files.readAllLines(f));
        }
        return lines;
    }

    // ------------------------------------------------------------------ batching

    @Test
    void sendsFullBatchesWithoutWaitingForLinger() throws Exception {
        RecordingAuditSink downstream = new RecordingAuditSink();
        List<AuditEvent> sent = events(12, "s");
        BatchingAuditSink sink = sink(downstream).batchSize(5).linger(NEVER).build();
        try {
            for (AuditEvent e : sent) {
                sink.write(e);
            }
            // The downstream sees a batch a moment before the sink counts it as done.
            await("two full batches, two events left", () -> downstream.events().size() == 10
                    && sink.pendingCount() == 2);

            assertEquals(List.of(5, 5), downstream.batches().stream().map(List::size).collect(Collectors.toList()));
        } finally {
            sink.close();
        }
        assertEquals(List.of(5, 5, 2), downstream.batches().stream().map(List::size).collect(Collectors.toList()));
        assertEquals(ids(sent), ids(downstream.events()));
        assertEquals(12, sink.deliveredCount());
        assertEquals(0, sink.spooledCount());
        assertFalse(downstream.isClosed(), "the downstream belongs to its owner");
    }

    @Test
    void sendsPartialBatchOnceLingerHasPassed() throws Exception {
        RecordingAuditSink downstream = new RecordingAuditSink();
        List<AuditEvent> sent = events(3, "l");
        try (BatchingAuditSink sink = sink(downstream).batchSize(100).linger(Duration.ofMillis(20)).build()) {
            sink.write(sent);

            // No flush, no close: only the linger can have sent these.
            await("the lingering batch", () -> downstream.events().size() == 3 && sink.pendingCount() == 0);
            assertEquals(ids(sent), ids(downstream.events()));
            assertTrue(downstream.batches().stream().allMatch(b -> b.size() < 100));
        }
    }

    @Test
    void flushSendsThePartialBatchAtOnce() {
        RecordingAuditSink downstream = new RecordingAuditSink();
        List<AuditEvent> sent = events(4, "f");
        try (BatchingAuditSink sink = sink(downstream).batchSize(100).linger(NEVER).build()) {
            sink.write(sent);

            assertTrue(sink.flush());

            assertEquals(List.of(sent), downstream.batches());
            assertEquals(4, sink.deliveredCount());
            assertEquals(0, sink.pendingCount());
        }
    }

    @Test
    void closeFlushesEverythingAndThenRefusesEvents() throws Exception {
        RecordingAuditSink downstream = new RecordingAuditSink();
        List<AuditEvent> sent = events(7, "c");
        BatchingAuditSink sink = sink(downstream).batchSize(100).linger(NEVER).build();
        sink.write(sent);

        sink.close();
        sink.close();

        assertEquals(ids(sent), ids(downstream.events()));
        AuditEvent late = events(1, "late").get(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.write(late));
        assertTrue(e.getMessage().contains(late.eventId().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        assertEquals(List.of(), spoolFiles(), "everything delivered, the spool files are deleted");
    }

    @Test
    void workerIsOneNamedDaemonThreadThatStopsOnClose() throws Exception {
        BatchingAuditSink sink = sink(new RecordingAuditSink()).threadName("audit-worker-under-test").build();
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("audit-worker-under-test")).findFirst().orElse(null);
        assertNotNull(worker);
        assertTrue(worker.isDaemon());

        sink.close();

        assertFalse(worker.isAlive());
    }

    // ------------------------------------------------------------------ downstream failures

    @Test
    void downstreamFailingForAWhileStillReceivesEveryEventInOrder() throws Exception {
        RecordingAuditSink downstream = new RecordingAuditSink().failNext(3);
        RecordingSleeper time = RecordingSleeper.create();
        List<AuditEvent> sent = events(50, "d");
        try (LogCapture logs = LogCapture.sdk();
             BatchingAuditSink sink = sink(downstream).batchSize(10).linger(Duration.ofSeconds(1))
                     .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(8))
                     .clock(time.clock()).sleeper(time).build()) {
            for (int i = 0; i < 50; i += 10) {
                sink.write(sent.subList(i, i + 10));
            }
            assertTrue(sink.flush(), "every event is delivered or spooled");

            assertTrue(downstream.awaitIds(new HashSet<>(ids(sent)), PATIENCE));
            // The replay's bookkeeping (cursor, file deletion) ends after the last delivery: wait for its outcome,
            // not for a log line whose timing depends on whether the worker caught up from memory or from the spool.
            await("the spool emptied after the replay", () -> {
                try {
                    return sink.pendingCount() == 0 && spoolFiles().isEmpty() && !Files.exists(cursorFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertEquals(0, sink.pendingCount());

            assertEquals(ids(sent), ids(downstream.events()), "spooled events are replayed in order, once each");
            assertTrue(downstream.calls() >= 4, "three failures, then deliveries");
            assertEquals(50, sink.deliveredCount());
            assertTrue(sink.spooledCount() >= 10);
            // Three failures in a row wait 1 s, 2 s and 4 s of (fake) time before the fourth call.
            assertTrue(time.total().compareTo(Duration.ofSeconds(7)) >= 0, "backoff honoured: " + time.total());
            assertEquals(List.of(), spoolFiles(), "the spool is deleted once replayed");
            assertFalse(Files.exists(cursorFile()));

            List<String> warns = logs.at("WARN");
            assertTrue(warns.stream().anyMatch(l -> l.startsWith("WARN com.rabaislocal.sdk.core.audit Audit "
                    + "downstream failed for ") && l.matches(".*spooled \\d+ events to .*")), warns.toString());
            assertTrue(warns.stream().anyMatch(l -> l.contains("simulated outage")), warns.toString());
            assertTrue(logs.at("ERROR").isEmpty(), logs.text());
        }
    }

    @Test
    void restartReplaysWhatThePreviousSinkSpooledExactlyOnce() throws Exception {
        List<AuditEvent> sent = events(30, "r");
        RecordingAuditSink down = new RecordingAuditSink().failAlways();
        BatchingAuditSink first = sink(down).batchSize(10).linger(NEVER).initialBackoff(NEVER).maxBackoff(NEVER)
                .build();
        for (int i = 0; i < 30; i += 10) {
            first.write(sent.subList(i, i + 10));
        }
        try (LogCapture logs = LogCapture.sdk()) {
            first.close();
            assertTrue(logs.at("WARN").stream().anyMatch(l -> l.contains("Closing with 30 audit events waiting")),
                    logs.text());
        }
        assertEquals(0, first.deliveredCount());
        assertEquals(30, first.spooledCount());
        assertEquals(30, first.pendingCount());
        List<String> lines = spoolLines();
        assertEquals(30, lines.size());
        assertEquals(sent.get(0), AuditEvent.fromJson(lines.get(0)));
        assertTrue(down.events().isEmpty());

        RecordingAuditSink second = new RecordingAuditSink();
        try (LogCapture logs = LogCapture.sdk()) {
            BatchingAuditSink sink2 = sink(second).batchSize(10).linger(NEVER).build();
            sink2.close();
            assertTrue(logs.at("INFO").stream().anyMatch(l -> l.contains("30 undelivered events from a previous run")),
                    logs.text());
            assertTrue(logs.at("INFO").stream().anyMatch(l -> l.contains("Replayed 30 spooled audit events")),
                    logs.text());
        }
        assertEquals(ids(sent), ids(second.events()), "every spooled event, in order, once");
        assertEquals(List.of(10, 10, 10), second.batches().stream().map(List::size).collect(Collectors.toList()));
        assertEquals(sent, second.events(), "events come back from disk unchanged");
        assertEquals(List.of(), spoolFiles());
        assertFalse(Files.exists(cursorFile()));

        RecordingAuditSink third = new RecordingAuditSink();
        BatchingAuditSink sink3 = sink(third).build();
        assertEquals(0, sink3.pendingCount());
        sink3.close();
        assertEquals(0, third.calls(), "a replayed spool is not replayed again");
    }

    @Test
    void newEventsAfterARestartComeAfterTheSpooledOnes() throws Exception {
        List<AuditEvent> old = events(25, "old");
        List<AuditEvent> fresh = events(5, "new");
        BatchingAuditSink first = sink(new RecordingAuditSink().failAlways()).batchSize(10).linger(NEVER)
                .initialBackoff(NEVER).maxBackoff(NEVER).build();
        first.write(old);
        first.close();

        RecordingAuditSink down = new RecordingAuditSink();
        try (BatchingAuditSink sink = sink(down).batchSize(10).linger(Duration.ofMillis(5)).build()) {
            sink.write(fresh);
        }

        List<UUID> expected = new ArrayList<>(ids(old));
        expected.addAll(ids(fresh));
        assertEquals(expected, ids(down.events()));
    }

    @Test
    void partialReplayIsRememberedAcrossRestarts() throws Exception {
        List<AuditEvent> sent = events(30, "p");
        BatchingAuditSink first = sink(new RecordingAuditSink().failAlways()).batchSize(10).linger(NEVER)
                .initialBackoff(NEVER).maxBackoff(NEVER).build();
        first.write(sent);
        first.close();

        // Takes the first chunk of the replay, then goes down again.
        RecordingAuditSink flaky = new RecordingAuditSink().failWhen(call -> call > 1);
        BatchingAuditSink second = sink(flaky).batchSize(10).linger(NEVER).initialBackoff(NEVER).maxBackoff(NEVER)
                .build();
        await("the first replayed chunk", () -> flaky.events().size() == 10);
        second.close();
        assertEquals(ids(sent.subList(0, 10)), ids(flaky.events()));
        assertEquals(20, second.pendingCount());
        assertTrue(Files.exists(cursorFile()), "progress is recorded on disk");

        RecordingAuditSink down = new RecordingAuditSink();
        try (BatchingAuditSink third = sink(down).batchSize(10).build()) {
            assertTrue(third.flush());
        }
        assertEquals(ids(sent.subList(10, 30)), ids(down.events()), "only what was not delivered yet");
    }

    @Test
    void cursorWrittenBeforeACrashIsHonoured() throws Exception {
        List<AuditEvent> sent = events(4, "k");
        Files.createDirectories(spoolDir());
        StringBuilder data = new StringBuilder();
        long offsetAfterTwo = 0;
        for (int i = 0; i < sent.size(); i++) {
            data.append(sent.get(i).toJson()).append('\n');
            if (i == 1) {
                offsetAfterTwo = data.toString().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        Files.writeString(legacyFile(), data);
        Files.writeString(cursorFile(), offsetAfterTwo + "\n");

        RecordingAuditSink down = new RecordingAuditSink();
        sink(down).build().close();

        assertEquals(ids(sent.subList(2, 4)), ids(down.events()));
        assertEquals(List.of(), spoolFiles());
        assertFalse(Files.exists(cursorFile()));
    }

    @Test
    void leftoverCursorWithoutDataIsDiscarded() throws Exception {
        // A crash between deleting the delivered data file and deleting its cursor.
        Files.createDirectories(spoolDir());
        Files.writeString(cursorFile(), "999999\n");
        List<AuditEvent> sent = events(3, "z");

        BatchingAuditSink first = sink(new RecordingAuditSink().failAlways()).initialBackoff(NEVER)
                .maxBackoff(NEVER).build();
        assertFalse(Files.exists(cursorFile()));
        first.write(sent);
        first.close();

        RecordingAuditSink down = new RecordingAuditSink();
        sink(down).build().close();
        assertEquals(ids(sent), ids(down.events()));
    }

    @Test
    void tornLastLineIsCutAndEverythingElseDelivered() throws Exception {
        List<AuditEvent> sent = events(5, "t");
        BatchingAuditSink first = sink(new RecordingAuditSink().failAlways()).initialBackoff(NEVER)
                .maxBackoff(NEVER).build();
        first.write(sent);
        first.close();
        String torn = events(1, "torn").get(0).toJson().substring(0, 37);
        List<Path> files = spoolFiles();
        Files.writeString(files.get(files.size() - 1), torn, StandardOpenOption.APPEND);

        AuditEvent afterCrash = events(1, "after").get(0);
        try (LogCapture logs = LogCapture.sdk()) {
            BatchingAuditSink second = sink(new RecordingAuditSink().failAlways()).initialBackoff(NEVER)
                    .maxBackoff(NEVER).build();
            assertTrue(logs.at("WARN").stream().anyMatch(l -> l.contains("Cut 37 bytes of an incomplete last line")),
                    logs.text());
            assertEquals(5, second.pendingCount());
            second.write(afterCrash);
            second.close();
        }
        List<String> lines = spoolLines();
        assertEquals(6, lines.size());
        lines.forEach(AuditEvent::fromJson);

        RecordingAuditSink down = new RecordingAuditSink();
        try (LogCapture logs = LogCapture.sdk()) {
            sink(down).build().close();
            assertTrue(logs.at("ERROR").isEmpty(), logs.text());
        }
        List<UUID> expected = new ArrayList<>(ids(sent));
        expected.add(afterCrash.eventId());
        assertEquals(expected, ids(down.events()));
    }

    @Test
    void unreadableLineInTheMiddleIsLoggedInFullAndSkipped() throws Exception {
        List<AuditEvent> sent = events(2, "m");
        Files.createDirectories(spoolDir());
        Files.writeString(legacyFile(), sent.get(0).toJson() + "\n{\"action\": garbage}\n\n" + sent.get(1).toJson()
                + "\n");

        RecordingAuditSink down = new RecordingAuditSink();
        try (LogCapture logs = LogCapture.sdk()) {
            sink(down).build().close();
            List<String> errors = logs.at("ERROR");
            assertEquals(1, errors.size(), logs.text());
            assertTrue(errors.get(0).contains("Skipping unreadable line at byte "), errors.get(0));
            assertTrue(errors.get(0).contains("{\"action\": garbage}"), errors.get(0));
        }
        assertEquals(ids(sent), ids(down.events()));
        assertEquals(List.of(), spoolFiles());
    }

    @Test
    void anEventTheDownstreamRejectsForGoodIsSetAsideAndTheOthersGoOn() throws Exception {
        List<AuditEvent> sent = new ArrayList<>(events(20, "v"));
        // Valid for the SDK, refused by the "database" (think of a constraint the table adds).
        AuditEvent poison = sent.get(13).toBuilder().sourceIp("192.0.2.1").build();
        sent.set(13, poison);
        RecordingAuditSink downstream = new RecordingAuditSink().rejectWhen(e -> "192.0.2.1".equals(e.sourceIp()));
        try (LogCapture logs = LogCapture.sdk()) {
            try (BatchingAuditSink sink = sink(downstream).batchSize(8).linger(NEVER).build()) {
                sink.write(sent);
            }
            List<String> errors = logs.at("ERROR");
            assertEquals(1, errors.size(), logs.text());
            assertTrue(errors.get(0).contains("rejected event " + poison.eventId() + " for good"), errors.get(0));
            assertTrue(errors.get(0).contains(poison.toJson()), errors.get(0));
            assertTrue(errors.get(0).contains("invalid input syntax for type inet"), errors.get(0));
        }

        List<UUID> expected = new ArrayList<>(ids(sent));
        expected.remove(poison.eventId());
        assertEquals(expected, ids(downstream.events()), "every other event, in order, once");
        List<String> rejected = Files.readAllLines(spoolDir().resolve(AuditSpool.REJECTED_FILE));
        assertEquals(1, rejected.size());
        assertEquals(poison, AuditEvent.fromJson(rejected.get(0)), "a rejected line still reads as the event");
        assertTrue(rejected.get(0).contains("\"rejected_reason\":\"com.rabaislocal.sdk.core.error."
                + "InvalidRequestException: "), rejected.get(0));
        assertTrue(rejected.get(0).contains("\"rejected_at\":\"20"), rejected.get(0));
        assertEquals(List.of(), spoolFiles());

        RecordingAuditSink later = new RecordingAuditSink();
        sink(later).build().close();
        assertEquals(0, later.calls(), "a set-aside event is not replayed automatically");
    }

    // ------------------------------------------------------------------ the spool itself failing

    @Test
    void eventsStayInMemoryWhenTheSpoolCannotBeWritten() throws Exception {
        RecordingAuditSink downstream = new RecordingAuditSink().failAlways();
        RecordingSleeper time = RecordingSleeper.create();
        AuditEvent event = events(1, "mem").get(0);
        try (LogCapture logs = LogCapture.sdk();
             BatchingAuditSink sink = sink(downstream).linger(Duration.ofSeconds(1)).clock(time.clock()).sleeper(time)
                     .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(10)).build()) {
            // A directory where the spool file should be: appends fail even for root.
            Files.createDirectories(firstSegment());

            sink.write(event);
            // A zero-timeout flush only cuts the linger short.
            sink.flush(Duration.ZERO);

            await("an ERROR naming the event", () -> logs.at("ERROR").stream()
                    .anyMatch(l -> l.contains(event.eventId().toString()) && l.contains("keeping them in memory")));
            assertFalse(sink.flush(Duration.ZERO), "the event is neither delivered nor spooled");
            assertEquals(1, sink.pendingCount());
            assertEquals(0, sink.spooledCount());

            Files.delete(firstSegment());
            downstream.succeed();

            assertTrue(downstream.awaitIds(Set.of(event.eventId()), PATIENCE));
            assertTrue(sink.flush());
            // It may have gone through the spool once the directory was back; then the replay bookkeeping follows.
            await("nothing pending", () -> sink.pendingCount() == 0);
        }
    }

    @Test
    void closeLogsTheFullEventWhenNeitherDownstreamNorSpoolTakesIt() throws Exception {
        AuditEvent event = events(1, "lost").get(0);
        BatchingAuditSink sink = sink(new RecordingAuditSink().failAlways()).linger(NEVER).initialBackoff(NEVER)
                .maxBackoff(NEVER).build();
        Files.createDirectories(firstSegment());
        try (LogCapture logs = LogCapture.sdk()) {
            sink.write(event);
            sink.close();

            List<String> errors = logs.at("ERROR");
            assertTrue(errors.stream().anyMatch(l -> l.contains("could be neither delivered nor spooled")
                    && l.contains(event.toJson())), logs.text());
        }
    }

    // ------------------------------------------------------------------ full queue, concurrency

    @Test
    void fullQueueNeverBlocksTheProducerAndLosesNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingAuditSink recorder = new RecordingAuditSink();
        AuditSink held = gated(release, recorder);
        List<AuditEvent> sent = events(20, "q");
        try (LogCapture logs = LogCapture.sdk();
             BatchingAuditSink sink = sink(held).queueCapacity(4).batchSize(2).linger(NEVER).build()) {
            // Returns although the downstream holds the worker: the events are in the spool.
            sink.write(sent);

            assertEquals(16, sink.spooledCount(), "4 kept in memory, the rest read back from the spool");
            assertTrue(logs.at("WARN").stream().anyMatch(l -> l.contains("Audit queue is full (4 events in memory)")),
                    logs.text());
            release.countDown();
            assertTrue(recorder.awaitIds(new HashSet<>(ids(sent)), PATIENCE));
        }
        assertEquals(ids(sent), ids(recorder.events()), "in order, once each");
    }

    @Test
    void aWriterWithItsInterruptFlagSetStillSpoolsItsEventsAndKeepsTheFlag() throws Exception {
        RecordingAuditSink recorder = new RecordingAuditSink();
        List<AuditEvent> sent = events(3, "i");
        try (BatchingAuditSink sink = sink(recorder).linger(NEVER).build()) {
            boolean[] interruptKept = new boolean[1];
            Throwable[] failure = new Throwable[1];
            Thread producer = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    sink.write(sent.subList(0, 2));
                    sink.write(sent.get(2));
                } catch (Throwable t) {
                    failure[0] = t;
                }
                interruptKept[0] = Thread.currentThread().isInterrupted();
            });
            producer.start();
            producer.join(PATIENCE.toMillis());

            assertFalse(producer.isAlive());
            assertNull(failure[0]);
            assertTrue(interruptKept[0], "the caller's interrupt flag is kept");
            // An interruptible file channel would have been closed by the interrupt; the spool is not.
            assertEquals(ids(sent), spoolLines().stream().map(AuditEvent::fromJson).map(AuditEvent::eventId)
                    .collect(Collectors.toList()));
            assertTrue(sink.flush());
        }
        assertEquals(ids(sent), ids(recorder.events()));
    }

    // ------------------------------------------------------------------ write-ahead spool

    @ParameterizedTest
    @EnumSource(FsyncPolicy.class)
    void writeReturnsOnlyOnceTheEventIsInTheSpoolFile(FsyncPolicy policy) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingAuditSink recorder = new RecordingAuditSink();
        List<AuditEvent> sent = events(3, "w");
        try (BatchingAuditSink sink = sink(gated(release, recorder)).fsyncPolicy(policy).batchSize(1).linger(NEVER)
                .build()) {
            for (int i = 0; i < sent.size(); i++) {
                sink.write(sent.get(i));

                // The downstream is held: only write() itself can have put the event there.
                List<AuditEvent> onDisk = spoolLines().stream().map(AuditEvent::fromJson)
                        .collect(Collectors.toList());
                assertEquals(sent.subList(0, i + 1), onDisk);
            }
            assertEquals(3, sink.pendingCount());
            release.countDown();
            assertTrue(sink.flush());
        }
        assertEquals(ids(sent), ids(recorder.events()));
        assertEquals(List.of(), spoolFiles(), "delivered events are removed from the spool");
    }

    @Test
    void concurrentWritersAllLandInTheSpoolAsWholeLines() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingAuditSink recorder = new RecordingAuditSink();
        int threads = 16;
        int perThread = 200;
        List<List<AuditEvent>> perWriter = new ArrayList<>();
        Set<UUID> all = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            List<AuditEvent> mine = events(perThread, "g" + t + "-");
            perWriter.add(mine);
            all.addAll(ids(mine));
        }
        try (BatchingAuditSink sink = sink(gated(release, recorder)).build()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            List<Throwable> errors = new ArrayList<>();
            for (List<AuditEvent> mine : perWriter) {
                Thread w = new Thread(() -> {
                    try {
                        start.await();
                        for (AuditEvent e : mine) {
                            sink.write(e);
                        }
                    } catch (Throwable e) {
                        synchronized (errors) {
                            errors.add(e);
                        }
                    }
                });
                writers.add(w);
                w.start();
            }
            start.countDown();
            for (Thread w : writers) {
                w.join(PATIENCE.toMillis());
            }
            assertTrue(errors.isEmpty(), errors.toString());

            // Every line parses (no two writers' bytes interleaved), each event once, each writer's in its order.
            List<UUID> onDisk = spoolLines().stream().map(AuditEvent::fromJson).map(AuditEvent::eventId)
                    .collect(Collectors.toList());
            assertEquals(threads * perThread, onDisk.size());
            assertEquals(all, new HashSet<>(onDisk));
            for (List<AuditEvent> mine : perWriter) {
                Set<UUID> wanted = new HashSet<>(ids(mine));
                assertEquals(ids(mine), onDisk.stream().filter(wanted::contains).collect(Collectors.toList()));
            }
            release.countDown();
            assertTrue(sink.flush());
        }
        assertEquals(all, recorder.eventIds());
    }

    @Test
    void deliveredSpoolFilesAreDeletedWhileTheSinkKeepsRunning() throws Exception {
        RecordingAuditSink recorder = new RecordingAuditSink();
        List<AuditEvent> sent = new ArrayList<>();
        // One byte per file: every write starts a new file, so each round leaves older files behind.
        try (BatchingAuditSink sink = sink(recorder).segmentBytes(1).batchSize(5).linger(NEVER).build()) {
            for (int round = 1; round <= 10; round++) {
                List<AuditEvent> batch = events(5, "s" + round + "-");
                sent.addAll(batch);
                sink.write(batch);
                assertTrue(sink.flush());

                assertEquals(List.of(spoolDir().resolve(AuditSpool.segmentName(round))), spoolFiles(),
                        "only the file being written is left after round " + round);
            }
        }
        assertEquals(ids(sent), ids(recorder.events()));
        assertEquals(List.of(), spoolFiles());
    }

    @Test
    void anIdleSinkLeavesAnEmptyDirectoryWhileItStaysOpen() throws Exception {
        RecordingAuditSink recorder = new RecordingAuditSink();
        List<AuditEvent> sent = events(7, "e");
        try (BatchingAuditSink sink = sink(recorder).linger(NEVER).build()) {
            sink.write(sent);
            assertTrue(sink.flush());
            assertEquals(1, spoolFiles().size(), "delivered, still in the file being written");

            // Nothing else comes: the worker deletes the delivered file, and writes no cursor for an empty spool.
            // The files and the cursor go in one clean-up pass; wait for the pass to finish, not just to start.
            await("the idle clean-up", () -> {
                try {
                    return spoolFiles().isEmpty() && !Files.exists(cursorFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            AuditEvent later = events(1, "later").get(0);
            sink.write(later);
            assertTrue(sink.flush());
            assertEquals(List.of(spoolDir().resolve(AuditSpool.segmentName(2))), spoolFiles(),
                    "a new file, numbered above the deleted one");
        }
        assertEquals(8, recorder.eventIds().size());
    }

    @Test
    void aReplaySpanningSeveralSpoolFilesKeepsTheOrder() throws Exception {
        List<AuditEvent> sent = events(30, "x");
        BatchingAuditSink first = sink(new RecordingAuditSink().failAlways()).segmentBytes(1).batchSize(4)
                .linger(NEVER).initialBackoff(NEVER).maxBackoff(NEVER).build();
        for (int i = 0; i < 30; i += 5) {
            first.write(sent.subList(i, i + 5));
        }
        first.close();
        assertEquals(6, spoolFiles().size(), "one file per write");

        RecordingAuditSink down = new RecordingAuditSink();
        sink(down).batchSize(4).build().close();

        assertEquals(ids(sent), ids(down.events()));
        assertEquals(List.of(), spoolFiles());
        assertFalse(Files.exists(cursorFile()));
    }

    @Test
    void concurrentProducersWithAFlakyDownstreamLoseNothing() throws Exception {
        RecordingAuditSink downstream = new RecordingAuditSink().failWhen(call -> call % 5 == 0);
        RecordingSleeper time = RecordingSleeper.create();
        int producers = 8;
        int perProducer = 250;
        List<List<AuditEvent>> perThread = new ArrayList<>();
        Set<UUID> all = new LinkedHashSet<>();
        for (int p = 0; p < producers; p++) {
            List<AuditEvent> mine = events(perProducer, "p" + p + "-");
            perThread.add(mine);
            all.addAll(ids(mine));
        }
        LogCapture logs = LogCapture.sdk();
        BatchingAuditSink sink = sink(downstream).queueCapacity(50).batchSize(20).linger(Duration.ofMillis(2))
                .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(40)).clock(time.clock()).sleeper(time)
                .build();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (List<AuditEvent> mine : perThread) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (AuditEvent e : mine) {
                        sink.write(e);
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(PATIENCE.toMillis());
        }
        assertTrue(errors.isEmpty(), errors.toString());

        assertTrue(downstream.awaitIds(all, PATIENCE), "every event reaches the downstream");
        sink.close();
        boolean queueOverflowed = logs.text().contains("Audit queue is full");
        logs.close();

        assertEquals(all, new HashSet<>(downstream.eventIds()));
        assertTrue(sink.deliveredCount() >= producers * perProducer);
        assertEquals(0, sink.pendingCount());
        assertTrue(downstream.calls() >= 5, "the downstream failed at least once on the way");
        if (!queueOverflowed) {
            // Only events spooled by a producer on a full queue may overtake older ones.
            for (List<AuditEvent> mine : perThread) {
                Set<UUID> wanted = new HashSet<>(ids(mine));
                List<UUID> seen = ids(downstream.events()).stream().filter(wanted::contains).distinct()
                        .collect(Collectors.toList());
                assertEquals(ids(mine), seen, "each producer's events arrive in the order it wrote them");
            }
        }
    }

    // ------------------------------------------------------------------ configuration and arguments

    @Test
    void buildListsEveryConfigurationProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> BatchingAuditSink.builder()
                .batchSize(0).queueCapacity(0).linger(Duration.ofMillis(-1)).initialBackoff(Duration.ZERO)
                .maxBackoff(null).flushTimeout(Duration.ofDays(400)).threadName(" ").build());

        assertEquals(List.of(
                "downstream is required: the AuditSink that stores the events (call downstream(...))",
                "spoolDirectory is required: a local directory where undelivered audit events wait "
                        + "(call spoolDirectory(...))",
                "batchSize must be at least 1 (was 0)",
                "queueCapacity must be at least 1 (was 0)",
                "linger must be zero or more (was PT-0.001S)",
                "initialBackoff must be positive (was PT0S)",
                "maxBackoff must not be null",
                "flushTimeout must be at most 365 days (was PT9600H)",
                "threadName must not be blank (leave it unset for the default)"), e.problems());
        assertTrue(e.getMessage().startsWith("Invalid RabaisLocal SDK configuration (9 problems):"));

        ConfigException small = assertThrows(ConfigException.class, () -> sink(new RecordingAuditSink())
                .batchSize(50).queueCapacity(10).initialBackoff(Duration.ofSeconds(5))
                .maxBackoff(Duration.ofSeconds(1)).build());
        assertEquals(List.of("queueCapacity must be at least batchSize 50 (was 10)",
                "maxBackoff must be at least initialBackoff PT5S (was PT1S)"), small.problems());
    }

    @Test
    void fsyncPolicyIsRequired() {
        ConfigException e = assertThrows(ConfigException.class, () -> sink(new RecordingAuditSink())
                .fsyncPolicy(null).build());

        assertEquals(List.of("fsyncPolicy must not be null (the default is PER_BATCH)"), e.problems());
    }

    @Test
    void aSpoolDirectoryServesOneOpenSinkAtATime() {
        BatchingAuditSink first = sink(new RecordingAuditSink()).build();
        try {
            ConfigException e = assertThrows(ConfigException.class, () -> sink(new RecordingAuditSink()).build());
            assertTrue(e.getMessage().contains("is already used by another open BatchingAuditSink"), e.getMessage());
            assertTrue(e.getMessage().contains(spoolDir().toString()), e.getMessage());
        } finally {
            first.close();
        }
        first.toBuilder().build().close();
    }

    @Test
    void unusableSpoolDirectoryIsAConfigurationError() throws Exception {
        Path file = tmp.resolve("not-a-directory");
        Files.writeString(file, "x");

        ConfigException e = assertThrows(ConfigException.class,
                () -> BatchingAuditSink.builder().downstream(new RecordingAuditSink()).spoolDirectory(file).build());

        assertTrue(e.getMessage().startsWith("Invalid RabaisLocal SDK configuration: spoolDirectory " + file
                + " cannot be used: "), e.getMessage());
    }

    @Test
    void nullEventsAreRejected() {
        try (BatchingAuditSink sink = sink(new RecordingAuditSink()).build()) {
            assertThrows(ValidationException.class, () -> sink.write((AuditEvent) null));
            assertThrows(ValidationException.class, () -> sink.write((List<AuditEvent>) null));
            List<AuditEvent> withNull = new ArrayList<>(Arrays.asList(events(1, "n").get(0), null));
            ValidationException e = assertThrows(ValidationException.class, () -> sink.write(withNull));
            assertEquals("Invalid audit batch: batch[1]: must not be null", e.getMessage());
            assertEquals(0, sink.pendingCount(), "a rejected batch is not partly queued");
        }
    }
}
