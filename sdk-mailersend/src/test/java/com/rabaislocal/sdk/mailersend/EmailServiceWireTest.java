package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.mailersend.emails.Attachment;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import com.rabaislocal.sdk.mailersend.emails.EmailSendResult;
import com.rabaislocal.sdk.mailersend.emails.EmailSettings;
import com.rabaislocal.sdk.mailersend.error.EmailNotSentException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class EmailServiceWireTest extends WireTestBase {

    @Test
    void aMinimalSendPostsTheDocumentedBodyAndReadsTheMessageIdAndHeaders() throws Exception {
        enqueueAccepted();
        EmailSendResult r = client.emails().send(EmailSendParams.builder().from("offres@rabaislocal.com")
                .to("client@example.com").subject("Vos rabais").html("<p>…</p>").build());

        RecordedRequest req = take("POST", "/email");
        assertEquals("application/json; charset=utf-8", req.getHeaders().get("Content-Type"));
        assertEquals(json("{\"from\":{\"email\":\"offres@rabaislocal.com\"},\"to\":[{\"email\":\"client@example.com\"}],"
                + "\"subject\":\"Vos rabais\",\"html\":\"<p>…</p>\"}"), json(req));
        assertEquals(EmailSendResult.Status.ACCEPTED, r.status());
        assertEquals(MESSAGE_ID, r.messageId().orElseThrow());
        assertTrue(r.sent());
        assertEquals(120, r.rateLimit().limit().getAsLong());
        assertEquals(117, r.rateLimit().remaining().getAsLong());
        assertEquals(99873, r.rateLimit().quotaRemaining().getAsLong());
        assertEquals(Instant.parse("2026-12-03T00:00:00Z"), r.rateLimit().quotaReset().orElseThrow());
    }

    @Test
    void everyFieldGoesOutUnderItsWireName() throws Exception {
        enqueueAccepted();
        Instant now = Instant.now();
        long sendAt = now.plusSeconds(3600).getEpochSecond();
        client.emails().send(EmailSendParams.builder().from("offres@rabaislocal.com", "RabaisLocal")
                .to("a@example.com", "Ana").to("b@example.com").cc("c@example.com", "Cé").bcc("d@example.com", null)
                .replyTo("support@rabaislocal.com", "Soutien").subject("Sujet").text("texte").html("<b>html</b>")
                .templateId("vywj2lpokkm47oqz").personalization("a@example.com", Map.of("name", "Ana"))
                .tags("welcome", "fr-CA").sendAt(Instant.ofEpochSecond(sendAt))
                .attachment(Attachment.file("PDF".getBytes(StandardCharsets.UTF_8), "recu.pdf"))
                .attachment(Attachment.inline(new byte[] {1, 2, 3}, "logo.png", "logo"))
                .inReplyTo("<abc@rabaislocal.com>").references("<r1@x>", "<r2@x>").precedenceBulk(true)
                .settings(new EmailSettings(true, false, null)).header("X-Rabais-Campaign", "bienvenue")
                .listUnsubscribe("<https://rabaislocal.com/desabonnement?u=1>").build());

        JsonNode body = json(take("POST", "/email"));
        assertEquals("RabaisLocal", body.path("from").path("name").asText());
        assertEquals(2, body.path("to").size());
        assertFalse(body.path("to").get(1).has("name"));
        assertEquals("Cé", body.path("cc").get(0).path("name").asText());
        assertEquals("d@example.com", body.path("bcc").get(0).path("email").asText());
        assertEquals("support@rabaislocal.com", body.path("reply_to").path("email").asText());
        assertEquals("texte", body.path("text").asText());
        assertEquals("vywj2lpokkm47oqz", body.path("template_id").asText());
        assertEquals(json("[{\"email\":\"a@example.com\",\"data\":{\"name\":\"Ana\"}}]"), body.path("personalization"));
        assertEquals(json("[\"welcome\",\"fr-CA\"]"), body.path("tags"));
        assertEquals(sendAt, body.path("send_at").asLong());
        assertEquals(json("{\"content\":\"UERG\",\"filename\":\"recu.pdf\",\"disposition\":\"attachment\"}"),
                body.path("attachments").get(0));
        assertEquals(json("{\"content\":\"AQID\",\"filename\":\"logo.png\",\"disposition\":\"inline\",\"id\":\"logo\"}"),
                body.path("attachments").get(1));
        assertEquals("<abc@rabaislocal.com>", body.path("in_reply_to").asText());
        assertEquals(json("[\"<r1@x>\",\"<r2@x>\"]"), body.path("references"));
        assertTrue(body.path("precedence_bulk").asBoolean());
        assertEquals(json("{\"track_clicks\":true,\"track_opens\":false}"), body.path("settings"));
        assertEquals(json("[{\"name\":\"X-Rabais-Campaign\",\"value\":\"bienvenue\"}]"), body.path("headers"));
        assertEquals("<https://rabaislocal.com/desabonnement?u=1>", body.path("list_unsubscribe").asText());
        assertFalse(body.has("variables"), "the legacy simple personalization is never sent");
    }

    @Test
    void someSuppressedIsAWarningWithTheRecipientsAndReasons() {
        server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Message-Id", MESSAGE_ID)
                .addHeader("Content-Type", "application/json")
                .body("{\"message\":\"There are some warnings for your request.\",\"warnings\":[{\"type\":"
                        + "\"SOME_SUPPRESSED\",\"warning\":\"Some of the recipients have been suppressed.\","
                        + "\"recipients\":[{\"email\":\"bloque@example.com\",\"name\":\"Bloqué\",\"reasons\":"
                        + "[\"blocklisted\"]}]}]}").build());
        EmailSendResult r = client.emails().send(simple("ok@example.com", "bloque@example.com"));
        assertEquals(EmailSendResult.Status.PARTLY_SUPPRESSED, r.status());
        assertTrue(r.sent());
        assertEquals("bloque@example.com", r.suppressedRecipients().get(0).email());
        assertEquals(List.of("blocklisted"), r.suppressedRecipients().get(0).reasons());
        assertEquals("Some of the recipients have been suppressed.", r.warnings().get(0).message());
    }

    @Test
    void allSuppressedSaysNothingWasSent() {
        server.enqueue(new MockResponse.Builder().code(202).addHeader("Content-Type", "application/json")
                .body("{\"message\":\"There are some warnings for your request.\",\"warnings\":[{\"type\":"
                        + "\"ALL_SUPPRESSED\",\"warning\":\"All of the recipients have been suppressed.\","
                        + "\"recipients\":[{\"email\":\"bloque@example.com\",\"name\":null,\"reasons\":"
                        + "[\"hard_bounced\",\"unsubscribed\"]}]}]}").build());
        EmailSendResult r = client.emails().send(simple("bloque@example.com"));
        assertEquals(EmailSendResult.Status.ALL_SUPPRESSED, r.status());
        assertFalse(r.sent());
        assertTrue(r.messageId().isEmpty());
        EmailNotSentException e = assertThrows(EmailNotSentException.class, r::requireSent);
        assertTrue(e.getMessage().contains("hard_bounced"), e.getMessage());
        assertFalse(e.getMessage().contains("bloque@"), "no address in the message");
    }

    @Test
    void aTwoHundredWithoutMessageIdIsUnexpectedAndSaysNotToResend() {
        server.enqueue(new MockResponse.Builder().code(202).build());
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.emails().send(simple("a@example.com")));
        assertTrue(e.getMessage().contains("X-Message-Id"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aWarningsBodyThatIsNotJsonIsUnexpected() {
        server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Message-Id", MESSAGE_ID)
                .body("<html>ok</html>").build());
        assertThrows(UnexpectedResponseException.class, () -> client.emails().send(simple("a@example.com")));
    }

    static EmailSendParams simple(String... to) {
        EmailSendParams.Builder b = EmailSendParams.builder().from("offres@rabaislocal.com").subject("Bonjour")
                .text("Bonjour");
        for (String t : to) {
            b.to(t);
        }
        return b.build();
    }
}
