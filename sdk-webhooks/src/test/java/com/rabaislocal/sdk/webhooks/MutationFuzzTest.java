package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.webhooks.auth.MailerSendSignatureAuthenticator;
import com.rabaislocal.sdk.webhooks.auth.StandardWebhooksAuthenticator;
import com.rabaislocal.sdk.webhooks.limit.BlockPolicy;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.validation.RequiredFieldsPayloadValidator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/**
 * 100,000 valid deliveries, each mutated once (body bytes flipped, truncated, extended or replaced; signature header
 * altered, cased, duplicated, emptied or removed; header name cased; timestamps moved), through a MailerSend and a
 * Standard Webhooks receiver. A forgery is a 2xx answer for content other than what was signed; there must be none,
 * and no answer of 500 or 503.
 */
class MutationFuzzTest {

    static final int DELIVERIES = 100_000;
    private static final String MS_SECRET = "fuzz-mailersend-secret";
    private static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString(
            "fuzz-standard-webhooks-secret-32".getBytes(StandardCharsets.UTF_8));

    private final FakeClock clock = FakeClock.create();
    private final Random random = new Random(20251114L);

    @Test
    void mutatedDeliveriesAreNeverAcceptedAndNeverCrashTheReceiver() {
        ExecutorService direct = Executors.newSingleThreadExecutor();
        StateStore store = StateStore.inMemory(clock);
        BlockPolicy neverBlock = new BlockPolicy(Integer.MAX_VALUE, Duration.ofMinutes(1), Duration.ofMinutes(1));
        RateLimit unlimited = RateLimit.perMinute(1_000_000_000L);
        WebhookReceiver mailerSend = WebhookReceiver.builder().name("ms")
                .authenticator(MailerSendSignatureAuthenticator.of(Secret.of(MS_SECRET)))
                .validator(RequiredFieldsPayloadValidator.builder().require("/data/id").eventIdAt("/data/id").build())
                .handler(e -> HandlerResult.processed()).stateStore(store).rateLimit(unlimited)
                .blockPolicy(neverBlock).executor(direct).clock(clock).build();
        WebhookReceiver standard = WebhookReceiver.builder().name("swh")
                .authenticator(StandardWebhooksAuthenticator.builder().secret(Secret.of(WHSEC)).clock(clock)
                        .replayStore(store.idempotency()).build())
                .handler(e -> HandlerResult.processed()).stateStore(store).rateLimit(unlimited)
                .blockPolicy(neverBlock).executor(direct).clock(clock).build();

        Map<String, Integer> statuses = new TreeMap<>();
        int forgeries = 0;
        int serverErrors = 0;
        int acceptedIntact = 0;
        for (int i = 0; i < DELIVERIES; i++) {
            byte[] signedBody = ("{\"type\":\"activity.delivered\",\"data\":{\"id\":\"evt-" + i
                    + "\",\"email\":{\"subject\":\"Vos rabais\"}}}").getBytes(StandardCharsets.UTF_8);
            Delivery d = i % 2 == 0 ? mailerSend(signedBody) : standard(signedBody, "msg_" + i);
            boolean contentChanged = mutate(d, i % 2 == 0);
            WebhookRequest.Builder b = WebhookRequest.builder().method("POST").path("/webhooks/fuzz")
                    .peerAddress("10.0." + (i % 250) + ".1").header("Content-Type", "application/json")
                    .body(d.body);
            d.headers.forEach((name, values) -> {
                for (String v : values) {
                    b.header(name, v);
                }
            });
            StandardResponse r = (i % 2 == 0 ? mailerSend : standard).handle(b.build());
            statuses.merge(r.status() + " " + r.code().code(), 1, Integer::sum);
            if (r.status() >= 500) {
                serverErrors++;
            }
            if (r.code().isSuccess()) {
                if (contentChanged) {
                    forgeries++;
                } else {
                    acceptedIntact++;
                }
            }
        }
        mailerSend.close();
        standard.close();
        direct.shutdown();
        store.close();
        System.out.println("fuzz outcomes over " + DELIVERIES + " mutated deliveries: " + statuses
                + ", forgeries accepted=" + forgeries + ", 5xx=" + serverErrors);
        assertEquals(0, forgeries, "forgeries accepted: " + statuses);
        assertEquals(0, serverErrors, "server errors: " + statuses);
        // The mutations that keep the signed content (header-name casing, hex casing) are still accepted.
        assertTrue(acceptedIntact > DELIVERIES / 20, "intact deliveries accepted: " + acceptedIntact);
    }

    /** A delivery being mutated: body and headers; for Standard Webhooks, the signed id and timestamp too. */
    private static final class Delivery {
        byte[] body;
        final Map<String, java.util.List<String>> headers = new TreeMap<>();
        String sigHeader;

        void set(String name, String value) {
            headers.put(name, new java.util.ArrayList<>(java.util.List.of(value)));
        }
    }

    private Delivery mailerSend(byte[] body) {
        Delivery d = new Delivery();
        d.body = body;
        d.sigHeader = random.nextBoolean() ? "Signature" : "X-MailerSend-Signature";
        d.set(d.sigHeader, Signing.mailerSend(MS_SECRET, body));
        return d;
    }

    private Delivery standard(byte[] body, String id) {
        Delivery d = new Delivery();
        d.body = body;
        long ts = clock.instant().getEpochSecond();
        d.sigHeader = "webhook-signature";
        d.set("webhook-id", id);
        d.set("webhook-timestamp", Long.toString(ts));
        d.set("webhook-signature", Signing.standard(WHSEC, id, ts, body));
        return d;
    }

    /** Applies one mutation; true when it changed what was signed (body, id or timestamp). */
    private boolean mutate(Delivery d, boolean isMailerSend) {
        byte[] original = d.body;
        String sig = d.headers.get(d.sigHeader).get(0);
        switch (random.nextInt(12)) {
            case 0 -> {
                byte[] b = original.clone();
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                d.body = b;
            }
            case 1 -> d.body = Arrays.copyOf(original, random.nextInt(original.length));
            case 2 -> {
                byte[] extra = new byte[1 + random.nextInt(16)];
                random.nextBytes(extra);
                byte[] b = Arrays.copyOf(original, original.length + extra.length);
                System.arraycopy(extra, 0, b, original.length, extra.length);
                d.body = b;
            }
            case 3 -> {
                char[] c = sig.toCharArray();
                int at = random.nextInt(c.length);
                c[at] = c[at] == 'a' ? 'b' : 'a';
                d.set(d.sigHeader, new String(c));
            }
            case 4 -> d.set(d.sigHeader, random.nextBoolean() ? sig.toUpperCase(Locale.ROOT) : " " + sig + " ");
            case 5 -> d.headers.get(d.sigHeader).add(random.nextBoolean() ? sig : "0".repeat(sig.length()));
            case 6 -> d.set(d.sigHeader, "");
            case 7 -> {
                // The header name in another case: the same delivery.
                java.util.List<String> v = d.headers.remove(d.sigHeader);
                d.headers.put(d.sigHeader.toUpperCase(Locale.ROOT), v);
            }
            case 8 -> {
                if (isMailerSend) {
                    d.headers.remove(d.sigHeader);
                } else {
                    long ts = Long.parseLong(d.headers.get("webhook-timestamp").get(0));
                    long moved = ts + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(100_000));
                    d.set("webhook-timestamp", Long.toString(moved));
                    return true;
                }
            }
            case 9 -> {
                byte[] b = new byte[random.nextInt(200)];
                random.nextBytes(b);
                d.body = b;
            }
            case 10 -> {
                if (isMailerSend) {
                    // A body that is still valid JSON with another event id.
                    d.body = new String(original, StandardCharsets.UTF_8).replace("evt-", "evt-x")
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    d.set("webhook-id", d.headers.get("webhook-id").get(0) + "x");
                    return true;
                }
            }
            default -> {
                // Unchanged: must be accepted.
            }
        }
        return !Arrays.equals(original, d.body);
    }
}
