package com.rabaislocal.sdk.mailersend.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookEventTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eventsParseIntoTheirClasses() {
        ActivityEvent bounce = assertInstanceOf(ActivityEvent.class, MailerSendWebhooks.parse(b("{\"type\":"
                + "\"activity.hard_bounced\",\"webhook_id\":\"wh1\",\"created_at\":\"2026-12-02T10:00:00.000000Z\","
                + "\"data\":{\"id\":\"a9\",\"type\":\"hard_bounced\",\"email\":{\"id\":\"e1\",\"status\":\"rejected\","
                + "\"tags\":[\"welcome\"],\"recipient\":{\"email\":\"perdu@example.com\"}},\"morph\":{\"object\":"
                + "\"recipient_bounce\",\"reason\":\"Host or domain name not found\"}}}")));
        assertTrue(bounce.hardBounce());
        assertEquals("a9", bounce.id().orElseThrow());
        assertEquals("wh1", bounce.webhookId().orElseThrow());
        assertEquals("Host or domain name not found", bounce.reason().orElseThrow());
        assertEquals(List.of("welcome"), bounce.tags());
        assertTrue(!bounce.toString().contains("perdu@"), bounce.toString());

        BulkEmailCompletedEvent bulk = assertInstanceOf(BulkEmailCompletedEvent.class, MailerSendWebhooks.parse(b(
                "{\"type\":\"bulk_email.completed\",\"data\":{\"id\":\"66ab7dd9ef2d2c1378eec1a5\",\"state\":"
                + "\"completed\"}}")));
        assertEquals("66ab7dd9ef2d2c1378eec1a5", bulk.bulkEmailId().orElseThrow());
        assertInstanceOf(RecipientEvent.class, MailerSendWebhooks.parse(b("{\"type\":\"recipient.on_hold_added\","
                + "\"data\":{\"id\":\"r1\",\"email\":\"x@example.com\"}}")));
    }

    @Test
    void theTestPingWithoutDataAndUnknownTypesNeverFail() {
        MailerSendEvent ping = MailerSendWebhooks.parse(b("{\"type\":\"webhook.test\",\"webhook_id\":\"wh1\"}"));
        assertInstanceOf(TestEvent.class, ping);
        assertTrue(ping.id().isEmpty());
        assertTrue(ping.data().isMissingNode());
        MailerSendEvent unknown = MailerSendWebhooks.parse(b("{\"type\":\"sms.delivered\",\"data\":{\"id\":7}}"));
        assertEquals("sms.delivered", unknown.type());
        assertEquals(MailerSendEvent.class, unknown.getClass());
        assertEquals("unknown", MailerSendWebhooks.parse(b("{\"data\":null}")).type());
        assertThrows(ValidationException.class, () -> MailerSendWebhooks.parse(b("[1,2]")));
        assertThrows(ValidationException.class, () -> MailerSendWebhooks.parse(b("nope")));
    }

    @Test
    void repeatsAreDroppedByDataIdAndThePingIsAlwaysHandedOn() {
        Secret secret = Secret.of("s3cr3t-signing-key");
        MailerSendWebhooks hooks = MailerSendWebhooks.of(secret);
        EventDeduplicator dedup = EventDeduplicator.inMemory(100);
        byte[] body = b("{\"type\":\"activity.delivered\",\"data\":{\"id\":\"a1\"}}");
        String sig = MailerSendSignature.sign(secret, body);
        Optional<MailerSendEvent> first = hooks.receive(body, n -> n.equals("Signature") ? List.of(sig) : List.of(),
                dedup);
        Optional<MailerSendEvent> again = hooks.receive(body, n -> n.equals("Signature") ? List.of(sig) : List.of(),
                dedup);
        assertTrue(first.isPresent());
        assertTrue(again.isEmpty());
        byte[] ping = b("{\"type\":\"webhook.test\"}");
        String pingSig = MailerSendSignature.sign(secret, ping);
        for (int i = 0; i < 2; i++) {
            assertTrue(hooks.receive(ping, n -> n.equals("Signature") ? List.of(pingSig) : List.of(), dedup)
                    .isPresent());
        }
    }

    @Test
    void theInMemoryDeduplicatorForgetsTheOldest() {
        EventDeduplicator d = EventDeduplicator.inMemory(2);
        assertTrue(d.firstSeen("a"));
        assertTrue(d.firstSeen("b"));
        assertTrue(!d.firstSeen("a"));
        assertTrue(d.firstSeen("c"));
        assertTrue(d.firstSeen("a"), "a was the oldest and was forgotten");
    }
}
