package com.rabaislocal.sdk.core.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.rabaislocal.sdk.core.testing.RecordingAuditSink;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that writes audit events through a {@link BatchingAuditSink} ({@code destroyForcibly()}, i.e.
 * SIGKILL on Linux) while it writes, then replays its spool in this JVM: every event whose {@code write} had
 * returned in the killed process must reach a downstream, there or here. Duplicates are allowed, losses are not.
 */
class BatchingAuditSinkCrashTest {

    private static final Pattern WRITTEN = Pattern.compile("written ([0-9a-f-]{36})");
    private static final Pattern DELIVERED = Pattern.compile("delivered ([0-9a-f-]{36})");
    /** Upper bound for one child to print enough ids; it prints thousands per second. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(15);

    @TempDir
    Path tmp;

    @Test
    void noEventWhoseWriteReturnedIsLostWhenTheProcessIsKilled() throws Exception {
        // Three kill points, one per fsync policy: a process crash loses nothing under any of them.
        int[] killAfter = {500, 2_500, 6_000};
        FsyncPolicy[] policies = {FsyncPolicy.PER_BATCH, FsyncPolicy.EVERY_WRITE, FsyncPolicy.OS};
        for (int run = 0; run < killAfter.length; run++) {
            killAndReplay(run, policies[run], killAfter[run]);
        }
    }

    private void killAndReplay(int run, FsyncPolicy policy, int killAfter) throws Exception {
        Path spool = tmp.resolve("spool-" + run);
        Path deliveredFile = tmp.resolve("delivered-" + run + ".txt");
        Path stderr = tmp.resolve("child-" + run + ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CrashingAuditWriter.class.getName(),
                spool.toString(), policy.name(), deliveredFile.toString(), "4")
                .redirectError(stderr.toFile())
                .start();
        Set<UUID> written = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + PATIENCE_NANOS;
            String line;
            while (written.size() < killAfter && (line = out.readLine()) != null) {
                collect(WRITTEN, line, written);
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            if (written.size() < killAfter) {
                child.destroyForcibly();
                fail("run " + run + ": the child printed only " + written.size() + " ids; its stderr: "
                        + Files.readString(stderr));
            }
            // The handle's destroyForcibly() sends the same SIGKILL as Process's, but leaves the pipe readable.
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the killed child did not end");
            // Ids the child printed before it died are still in the pipe: write() had returned for them too.
            while ((line = out.readLine()) != null) {
                collect(WRITTEN, line, written);
            }
        } finally {
            child.destroyForcibly();
        }
        assertNotEquals(3, child.exitValue(), "run " + run + ": the child stopped by itself, it was not killed");

        Set<UUID> delivered = new HashSet<>();
        if (Files.exists(deliveredFile)) {
            for (String line : Files.readAllLines(deliveredFile, StandardCharsets.UTF_8)) {
                collect(DELIVERED, line, delivered);
            }
        }
        RecordingAuditSink replay = new RecordingAuditSink();
        BatchingAuditSink.builder().downstream(replay).spoolDirectory(spool).build().close();

        Set<UUID> lost = new HashSet<>(written);
        lost.removeAll(delivered);
        lost.removeAll(replay.eventIds());
        assertTrue(lost.isEmpty(), "run " + run + " (" + policy + "): " + lost.size() + " of " + written.size()
                + " events whose write() returned were lost, e.g. " + List.copyOf(lost).subList(0,
                        Math.min(5, lost.size())));
        assertFalse(replay.eventIds().isEmpty(), "run " + run + ": the kill left nothing to replay, so this run "
                + "did not test the spool");
    }

    /** Takes the id of a whole line; a line cut by the kill does not match. */
    private static void collect(Pattern pattern, String line, Set<UUID> into) {
        Matcher m = pattern.matcher(line);
        if (m.matches()) {
            into.add(UUID.fromString(m.group(1)));
        }
    }
}
