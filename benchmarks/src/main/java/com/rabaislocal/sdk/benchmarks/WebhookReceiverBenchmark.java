package com.rabaislocal.sdk.benchmarks;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.webhook.WebhookSignatures;
import com.rabaislocal.sdk.webhooks.HandlerResult;
import com.rabaislocal.sdk.webhooks.StandardResponse;
import com.rabaislocal.sdk.webhooks.WebhookReceiver;
import com.rabaislocal.sdk.webhooks.WebhookRequest;
import com.rabaislocal.sdk.webhooks.auth.MailerSendSignatureAuthenticator;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.validation.RequiredFieldsPayloadValidator;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Requests per second through the webhook receiver's whole pipeline (method, content type, size, block list, rate
 * limit, MailerSend signature, required-fields validation, handler on the receiver's pool) for valid signed
 * deliveries, from one IP or from 10,000 IPs, with the in-memory limiter or the Redis one (the local server at
 * {@code redis://127.0.0.1:6379/0}, or {@code -Dredis.url=...}). The limit is set high (10^9 a minute) so that every
 * delivery passes and the figure is the pipeline's cost; the payload has no event id, so no idempotency claim is
 * written (a claim adds one {@code SET NX} on Redis).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class WebhookReceiverBenchmark {

    /** How many distinct client IPs the "many" case rotates through. */
    static final int MANY_IPS = 10_000;
    private static final int BODIES = 1024;

    /** {@code memory} or {@code redis}. */
    @Param({"memory", "redis"})
    public String limiter;

    /** {@code one} IP or {@code many} IPs. */
    @Param({"one", "many"})
    public String ips;

    private StateStore store;
    private WebhookReceiver receiver;
    private byte[][] bodies;
    private String[] signatures;
    private String[] addresses;
    private int next;

    /** Builds the receiver and signs the deliveries. */
    @Setup
    public void setUp() {
        Secret secret = Secret.of("benchmark-signing-secret");
        store = "redis".equals(limiter)
                ? StateStore.redis(System.getProperty("redis.url", "redis://127.0.0.1:6379/0"),
                        "rabaislocal-bench:" + UUID.randomUUID() + ":")
                : StateStore.inMemory();
        receiver = WebhookReceiver.builder().name("bench")
                .authenticator(MailerSendSignatureAuthenticator.of(secret))
                .validator(RequiredFieldsPayloadValidator.builder().require("/type", "/data/email").build())
                .handler(e -> HandlerResult.processed())
                .rateLimit(RateLimit.perMinute(RateLimit.MAX_PERMITS)).stateStore(store).build();
        bodies = new byte[BODIES][];
        signatures = new String[BODIES];
        for (int i = 0; i < BODIES; i++) {
            bodies[i] = ("{\"type\":\"activity.delivered\",\"created_at\":\"2025-03-14T12:00:00Z\",\"data\":{"
                    + "\"object\":\"activity\",\"email\":{\"subject\":\"Vos rabais de la semaine\","
                    + "\"recipient\":{\"email\":\"client" + i + "@example.com\"}},\"n\":" + i + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            signatures[i] = WebhookSignatures.hmacSha256Hex(secret, bodies[i]);
        }
        int n = "many".equals(ips) ? MANY_IPS : 1;
        addresses = new String[n];
        for (int i = 0; i < n; i++) {
            addresses[i] = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
        }
    }

    /** Closes the receiver and the store. */
    @TearDown
    public void tearDown() {
        receiver.close();
        store.close();
    }

    /**
     * One valid signed delivery through the receiver.
     *
     * @return the answer's status (200)
     */
    @Benchmark
    public int signedDelivery() {
        int i = next++ & (BODIES - 1);
        StandardResponse r = receiver.handle(WebhookRequest.builder().method("POST").path("/webhooks/mailersend")
                .peerAddress(addresses[next % addresses.length]).header("Content-Type", "application/json")
                .header("Signature", signatures[i]).body(bodies[i]).build());
        if (r.status() != 200) {
            throw new IllegalStateException("unexpected answer " + r);
        }
        return r.status();
    }
}
