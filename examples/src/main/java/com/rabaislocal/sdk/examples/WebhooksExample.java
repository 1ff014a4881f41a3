package com.rabaislocal.sdk.examples;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.webhook.WebhookSignatures;
import com.rabaislocal.sdk.webhooks.HandlerResult;
import com.rabaislocal.sdk.webhooks.StandardResponse;
import com.rabaislocal.sdk.webhooks.WebhookReceiver;
import com.rabaislocal.sdk.webhooks.WebhookRequest;
import com.rabaislocal.sdk.webhooks.auth.MailerSendSignatureAuthenticator;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.validation.RequiredFieldsPayloadValidator;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The standard webhook template on a MailerSend webhook: a signed delivery accepted, the same delivery tampered and
 * refused, the 11th request of a minute refused with 429, and an IP blocked after 5 bad signatures. Offline: the
 * limiter is in memory, or on Redis when {@code REDIS_URL} is set (e.g. {@code redis://127.0.0.1:6379/0}).
 */
public final class WebhooksExample {

    private WebhooksExample() {
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        out.println("== 5. Webhook receiver (MailerSend signature, rate limit, block list) ==");
        String redisUrl = System.getenv("REDIS_URL");
        Secret signingSecret = Secret.of("example-signing-secret");
        try (StateStore store = redisUrl == null || redisUrl.isBlank() ? StateStore.inMemory()
                : StateStore.redis(redisUrl, "rabaislocal:examples:" + UUID.randomUUID() + ":");
             WebhookReceiver receiver = WebhookReceiver.builder().name("mailersend")
                     .authenticator(MailerSendSignatureAuthenticator.of(signingSecret))
                     .validator(RequiredFieldsPayloadValidator.builder().require("/type")
                             .eventTypeAt("/type").eventIdAt("/data/id").build())
                     .handler(event -> {
                         out.println("   handler got " + event.eventType().orElse("?") + " "
                                 + event.eventId().orElse("?"));
                         return HandlerResult.processed();
                     })
                     .stateStore(store).build()) {
            out.println("   limiter: " + (redisUrl == null || redisUrl.isBlank() ? "in memory" : "Redis"));
            byte[] body = delivery(1);
            show(out, "signed delivery", receiver.handle(request("203.0.113.10", body,
                    WebhookSignatures.hmacSha256Hex(signingSecret, body))));
            byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("delivered", "opened")
                    .getBytes(StandardCharsets.UTF_8);
            show(out, "same delivery, body tampered", receiver.handle(request("203.0.113.10", tampered,
                    WebhookSignatures.hmacSha256Hex(signingSecret, body))));
            for (int i = 2; i <= 9; i++) {
                byte[] b = delivery(i);
                receiver.handle(request("203.0.113.10", b, WebhookSignatures.hmacSha256Hex(signingSecret, b)));
            }
            byte[] eleventh = delivery(11);
            show(out, "11th request of the minute", receiver.handle(request("203.0.113.10", eleventh,
                    WebhookSignatures.hmacSha256Hex(signingSecret, eleventh))));
            for (int i = 1; i <= 5; i++) {
                show(out, "bad signature #" + i + " from 198.51.100.20",
                        receiver.handle(request("198.51.100.20", delivery(100 + i), "0".repeat(64))));
            }
            byte[] good = delivery(200);
            show(out, "then a good signature from 198.51.100.20", receiver.handle(request("198.51.100.20", good,
                    WebhookSignatures.hmacSha256Hex(signingSecret, good))));
        }
    }

    private static byte[] delivery(int n) {
        return ("{\"type\":\"activity.delivered\",\"data\":{\"id\":\"evt-" + n + "\",\"email\":{}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static WebhookRequest request(String ip, byte[] body, String signature) {
        return WebhookRequest.builder().method("POST").path("/webhooks/mailersend").peerAddress(ip)
                .header("Content-Type", "application/json").header("Signature", signature).body(body).build();
    }

    private static void show(PrintStream out, String what, StandardResponse r) {
        String retry = r.header("Retry-After") == null ? "" : " Retry-After=" + r.header("Retry-After");
        out.println("   " + what + ": " + r.status() + " " + new String(r.body(), StandardCharsets.UTF_8) + retry);
    }
}
