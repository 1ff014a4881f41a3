package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.mailersend.webhooks.MailerSendWebhooks;
import com.rabaislocal.sdk.mailersend.webhooks.Webhook;
import com.rabaislocal.sdk.mailersend.webhooks.WebhookCreateParams;
import com.rabaislocal.sdk.mailersend.webhooks.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest extends WireTestBase {

    private static final String WEBHOOK_SECRET = "whsec_Ab12Cd34Ef56Gh78Ij90KlMnOpQrStUv";
    private static final String HOOK_URL = "https://api.rabaislocal.com/hooks/mailersend?token=url-token-4242";

    @Test
    void theTokenNeverReachesALogLineAMessageOrAToString() {
        try (LogCapture logs = LogCapture.sdk()) {
            enqueue(401, "{\"message\":\"Unauthenticated.\"}");
            ApiException e = assertThrows(ApiException.class,
                    () -> client.emails().send(EmailServiceWireTest.simple("chloe@example.com")));
            enqueue(503, "{}");
            enqueueAccepted();
            client.emails().send(EmailServiceWireTest.simple("chloe@example.com"));

            String everything = logs.text() + e.getMessage() + e.error() + client + client.options()
                    + client.http();
            assertFalse(everything.contains(TOKEN), "token leaked");
            assertFalse(logs.text().contains("chloe@example.com"), "an address reached a log line");
            assertTrue(logs.text().contains("retry"), "the retry is logged: " + logs.text());
        }
    }

    @Test
    void aWebhookSecretAndUrlNeverShowInToStringsOrLogs() throws Exception {
        try (LogCapture logs = LogCapture.sdk()) {
            enqueue(201, "{\"data\":{\"id\":\"wh1\",\"url\":\"" + HOOK_URL + "\",\"events\":[\"activity.sent\"],"
                    + "\"name\":\"prod\",\"enabled\":true,\"secret\":\"" + WEBHOOK_SECRET + "\",\"created_at\":"
                    + "\"2026-12-02T10:00:00.000000Z\"}}");
            WebhookCreateParams params = WebhookCreateParams.builder().url(HOOK_URL).name("prod")
                    .events("activity.sent").domainId("dom1").build();
            Webhook w = client.webhooks().create(params);
            assertEquals(WEBHOOK_SECRET, w.signingSecret().orElseThrow().reveal());
            String shown = w.toString() + params + w.raw() + logs.text()
                    + MailerSendWebhooks.of(w.signingSecret().get());
            assertFalse(shown.contains(WEBHOOK_SECRET), shown);
            String strings = w.toString() + params + logs.text();
            assertFalse(strings.contains("url-token-4242"), "the webhook URL reached a toString or a log: " + strings);
            assertFalse(w.raw().has("secret"));
        }
    }

    @Test
    void aRefusedSignatureSaysWhyWithoutTheSignature() {
        String sig = "ab".repeat(32);
        WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
                () -> MailerSendWebhooks.of(Secret.of(WEBHOOK_SECRET)).verify("{}".getBytes(StandardCharsets.UTF_8),
                        n -> n.equals("Signature") ? List.of(sig) : List.of()));
        assertFalse(e.getMessage().contains(sig));
        assertFalse(e.getMessage().contains(WEBHOOK_SECRET));
    }
}
