package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import com.rabaislocal.sdk.mailersend.bulk.BulkEmailStatus;
import com.rabaislocal.sdk.mailersend.bulk.BulkSendResult;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import com.rabaislocal.sdk.mailersend.emails.EmailSendResult;
import com.rabaislocal.sdk.mailersend.error.MailerSendValidationException;
import com.rabaislocal.sdk.mailersend.webhooks.ActivityEvent;
import com.rabaislocal.sdk.mailersend.webhooks.MailerSendWebhooks;
import com.rabaislocal.sdk.testing.mailersend.MailerSendStandIn;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the stand-in, end to end: what a test or the offline example sees. */
class StandInTest {

    private static final String TOKEN = "mlsn.standin_token";
    private final MailerSendStandIn ms;
    private final RecordingSleeper sleeper = RecordingSleeper.create();
    private final MailerSendClient client;

    StandInTest() throws Exception {
        ms = MailerSendStandIn.start(TOKEN);
        client = MailerSendClient.builder().baseUrl(ms.baseUrl()).credential(CredentialProvider.of(TOKEN))
                .bulkChunkSize(3).retryPolicy(MailerSendClient.DEFAULT_RETRY_POLICY.toBuilder().sleeper(sleeper)
                        .clock(sleeper.clock()).build()).build();
    }

    @AfterEach
    void close() {
        client.close();
        ms.close();
    }

    @Test
    void sendsAreAcceptedRefusedAndWarnedLikeTheApi() {
        ms.suppress("gone@example.com", "hard_bounced");
        EmailSendResult r = client.emails().send(EmailSendParams.builder().from("o@rabaislocal.com")
                .to("a@example.com").to("gone@example.com").subject("S").text("t").build());
        assertEquals(EmailSendResult.Status.PARTLY_SUPPRESSED, r.status());
        assertEquals(ms.outbox().get(0).messageId(), r.messageId().orElseThrow());
        assertEquals(List.of("a@example.com"), ms.outbox().get(0).recipients());

        // A body the SDK lets through (it checks no domain) but the service refuses: the stand-in's 422.
        MailerSendValidationException e = assertThrows(MailerSendValidationException.class, () -> client.http()
                .execute(com.rabaislocal.sdk.core.http.SdkRequest.builder("POST", "/email")
                        .jsonBody(Map.of("to", List.of(Map.of("email", "nope")))).build()));
        assertTrue(e.fieldErrors().containsKey("to.0.email"), e.fieldErrors().toString());

        ms.failNext(429, 1, "Too Many Attempts.");
        client.emails().send(EmailSendParams.builder().from("o@rabaislocal.com").to("b@example.com").subject("S")
                .text("t").build());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.delays());
    }

    @Test
    void aBulkSendIsChunkedPolledAndReportsItsProblems() {
        ms.suppress("gone@example.com", "unsubscribed");
        List<EmailSendParams> emails = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String to = i == 4 ? "gone@example.com" : "r" + i + "@example.com";
            emails.add(EmailSendParams.builder().from("o@rabaislocal.com").to(to).templateId("tpl")
                    .personalization(to, Map.of("rang", i)).build());
        }
        BulkSendResult sent = client.bulkEmails().send(emails);
        assertEquals(3, sent.chunks().size());
        assertEquals(3, ms.bulkRequestCount());
        List<BulkEmailStatus> done = client.bulkEmails().waitUntilCompleted(sent, Duration.ofMinutes(1));
        assertTrue(done.stream().allMatch(BulkEmailStatus::completed));
        assertEquals("gone@example.com", done.get(1).suppressedRecipients().get(0).email());
        assertEquals(6, ms.outbox().size());
        assertEquals(6, done.stream().mapToInt(s -> s.messageIds().size()).sum());
    }

    @Test
    void aSignedEventFromTheStandInIsVerifiedAndParsed() throws Exception {
        Secret secret = Secret.of("whsec_standin");
        MailerSendWebhooks hooks = MailerSendWebhooks.of(secret);
        List<Object> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            try {
                received.add(hooks.verify(body, n -> {
                    List<String> v = ex.getRequestHeaders().get(n);
                    return v == null ? List.of() : v;
                }));
                ex.sendResponseHeaders(200, -1);
            } catch (RuntimeException refused) {
                ex.sendResponseHeaders(401, -1);
            }
            ex.close();
        });
        receiver.start();
        try {
            client.emails().send(EmailSendParams.builder().from("o@rabaislocal.com").to("a@example.com").subject("S")
                    .text("t").build());
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            assertEquals(200, ms.deliverEvent(url, secret, "activity.delivered", ms.outbox().get(0)));
            assertEquals(401, ms.deliverEvent(url, Secret.of("another"), "activity.delivered", ms.outbox().get(0)));
            ActivityEvent e = (ActivityEvent) received.get(0);
            assertTrue(e.delivered());
            assertEquals(ms.outbox().get(0).messageId(), e.messageId().orElseThrow());
            assertEquals(1, received.size());
        } finally {
            receiver.stop(0);
        }
    }
}
