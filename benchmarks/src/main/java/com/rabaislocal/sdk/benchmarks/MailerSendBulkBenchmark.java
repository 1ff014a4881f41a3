package com.rabaislocal.sdk.benchmarks;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.bulk.BulkEmailStatus;
import com.rabaislocal.sdk.mailersend.bulk.BulkSendResult;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import com.rabaislocal.sdk.testing.mailersend.MailerSendStandIn;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 10,000 personalised recipients (one email each, a template and a per-recipient variable map) sent to the loopback
 * MailerSend stand-in, either through {@code bulkEmails()} (split into 500-email requests, then each chunk's status
 * read until completed) or as 10,000 single {@code emails().send} calls. One operation is the whole batch
 * ({@link Mode#SingleShotTime}): its time is the wall time of 10,000 recipients; {@code -prof gc} gives the bytes
 * allocated per batch; the requests made and the live heap after the batch (after a full collection) are printed at each iteration's end.
 * The stand-in keeps no bodies, so its memory does not grow with the run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dsun.net.httpserver.nodelay=true"})
@State(Scope.Benchmark)
public class MailerSendBulkBenchmark {

    /** Recipients per batch. */
    static final int RECIPIENTS = 10_000;
    private static final String TOKEN = "mlsn.benchmark";

    /** {@code bulk} or {@code single}. */
    @Param({"bulk", "single"})
    public String mode;

    private MailerSendStandIn standIn;
    private MailerSendClient client;
    private List<EmailSendParams> emails;

    /** Starts the stand-in and builds the 10,000 emails. */
    @Setup
    public void setUp() throws IOException {
        standIn = MailerSendStandIn.start(TOKEN).keepBodies(false).bulkPollsBeforeCompleted(0);
        // No retries and no waits: the stand-in never fails, and polling needs no real sleep on loopback.
        client = MailerSendClient.builder().baseUrl(standIn.baseUrl()).credential(CredentialProvider.of(TOKEN))
                .retryPolicy(MailerSendClient.DEFAULT_RETRY_POLICY.toBuilder().maxRetries(0).sleeper(d -> { })
                        .build()).build();
        emails = new ArrayList<>(RECIPIENTS);
        for (int i = 0; i < RECIPIENTS; i++) {
            String to = "membre" + i + "@example.com";
            emails.add(EmailSendParams.builder().from("notifications@rabaislocal.com", "RabaisLocal")
                    .to(to, "Membre " + i).templateId("offer-expiring-fr-CA").subject("Plus que 2 jours")
                    .personalization(to, Map.of("recipient_name", "Membre " + i, "offer_title", "Croissants 2 pour 1",
                            "days_left", 2, "offer_url", "https://rabaislocal.com/o/" + i))
                    .tags("offer_expiring", "fr-CA").build());
        }
    }

    /** Empties the stand-in before each iteration. */
    @Setup(Level.Iteration)
    public void resetCounts() {
        standIn.reset();
    }

    /** Prints the requests the iteration made and the live heap after it (after a full collection). */
    @TearDown(Level.Iteration)
    public void report() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("%n[%s] %d requests (%d email, %d bulk), %d emails accepted, live heap %d MB%n", mode,
                standIn.requestCount(), standIn.emailRequestCount(), standIn.bulkRequestCount(),
                standIn.outbox().size(), (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }

    /** Stops the stand-in. */
    @TearDown
    public void tearDown() {
        client.close();
        standIn.close();
    }

    /**
     * Sends the batch.
     *
     * @return how many emails were accepted
     */
    @Benchmark
    public int send() {
        if ("bulk".equals(mode)) {
            BulkSendResult r = client.bulkEmails().send(emails);
            List<BulkEmailStatus> done = client.bulkEmails().waitUntilCompleted(r, Duration.ofMinutes(5));
            return done.stream().mapToInt(s -> s.messageIds().size()).sum();
        }
        int sent = 0;
        for (EmailSendParams e : emails) {
            sent += client.emails().send(e).sent() ? 1 : 0;
        }
        return sent;
    }
}
