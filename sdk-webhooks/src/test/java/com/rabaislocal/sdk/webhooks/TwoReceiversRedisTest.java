package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.webhooks.auth.MailerSendSignatureAuthenticator;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Two receivers (two instances, each with its own Lettuce client) on the real Redis enforce one limit together. */
class TwoReceiversRedisTest {

    @Test
    void thirtyDeliveriesFromOneIpAcrossTwoInstancesAdmitExactlyTenAndBlocksAreShared() {
        FakeClock clock = FakeClock.create();
        String prefix = LocalRedis.freshPrefix();
        RedisClient c1 = LocalRedis.client();
        RedisClient c2 = LocalRedis.client();
        StateStore s1 = StateStore.redis(c1, prefix, clock, Duration.ofSeconds(2));
        StateStore s2 = StateStore.redis(c2, prefix, clock, Duration.ofSeconds(2));
        WebhookReceiver[] instances = new WebhookReceiver[2];
        StateStore[] stores = {s1, s2};
        for (int i = 0; i < 2; i++) {
            instances[i] = WebhookReceiver.builder().name("mailersend")
                    .authenticator(MailerSendSignatureAuthenticator.of(Secret.of(ReceiverChecksTest.SECRET)))
                    .handler(e -> HandlerResult.processed()).stateStore(stores[i]).clock(clock).build();
        }
        try {
            Map<String, Integer> outcomes = new TreeMap<>();
            for (int i = 0; i < 30; i++) {
                byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                StandardResponse r = instances[i % 2].handle(ReceiverChecksTest.signed(body, "203.0.113.50").build());
                outcomes.merge(r.code().code(), 1, Integer::sum);
            }
            assertEquals(Map.of("accepted", 10, "rate_limited", 20), outcomes);
            clock.advance(Duration.ofMinutes(1));
            for (int i = 0; i < 5; i++) {
                byte[] body = ("{\"bad\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                WebhookRequest forged = WebhookRequest.builder().method("POST").path("/w").peerAddress("192.0.2.77")
                        .header("Content-Type", "application/json").header("Signature", "f".repeat(64)).body(body)
                        .build();
                assertEquals(401, instances[i % 2].handle(forged).status());
            }
            // Blocked on both instances, even with a good signature.
            for (WebhookReceiver r : instances) {
                assertEquals("ip_blocked", r.handle(ReceiverChecksTest.signed(ReceiverChecksTest.BODY,
                        "192.0.2.77").build()).code().code());
            }
        } finally {
            for (WebhookReceiver r : instances) {
                r.close();
            }
            s1.close();
            s2.close();
            c1.shutdown();
            c2.shutdown();
        }
    }
}
