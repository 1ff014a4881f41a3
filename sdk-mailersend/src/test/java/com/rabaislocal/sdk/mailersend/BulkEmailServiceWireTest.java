package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.mailersend.bulk.BulkEmailStatus;
import com.rabaislocal.sdk.mailersend.bulk.BulkSendException;
import com.rabaislocal.sdk.mailersend.bulk.BulkSendResult;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkEmailServiceWireTest extends WireTestBase {

    private static List<EmailSendParams> emails(int n) {
        List<EmailSendParams> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(EmailSendParams.builder().from("offres@rabaislocal.com").to("r" + i + "@example.com")
                    .templateId("tpl-1").personalization("r" + i + "@example.com", Map.of("rang", i)).build());
        }
        return out;
    }

    private void enqueueBulkAccepted(String id) {
        enqueue(202, "{\"message\":\"The bulk email is being processed.\",\"bulk_email_id\":\"" + id + "\"}");
    }

    @Test
    void emailsAreSplitAtTheChunkSizeAndEachChunkKeepsItsId() throws Exception {
        try (MailerSendClient c = builder().bulkChunkSize(2).build()) {
            enqueueBulkAccepted("66ab7dd9ef2d2c1378eec1a5");
            enqueueBulkAccepted("66ab7dd9ef2d2c1378eec1a6");
            enqueueBulkAccepted("66ab7dd9ef2d2c1378eec1a7");
            BulkSendResult r = c.bulkEmails().send(emails(5));

            assertEquals(List.of("66ab7dd9ef2d2c1378eec1a5", "66ab7dd9ef2d2c1378eec1a6", "66ab7dd9ef2d2c1378eec1a7"),
                    r.bulkEmailIds());
            assertEquals(List.of(0, 2, 4), r.chunks().stream().map(ch -> ch.firstIndex()).toList());
            assertEquals(5, r.emailCount());
            JsonNode first = json(take("POST", "/bulk-email"));
            assertTrue(first.isArray());
            assertEquals(2, first.size());
            assertEquals(json("{\"from\":{\"email\":\"offres@rabaislocal.com\"},\"to\":[{\"email\":\"r0@example.com\"}],"
                    + "\"template_id\":\"tpl-1\",\"personalization\":[{\"email\":\"r0@example.com\",\"data\":"
                    + "{\"rang\":0}}]}"), first.get(0));
            assertEquals(2, json(take("POST", "/bulk-email")).size());
            assertEquals("r4@example.com", json(take("POST", "/bulk-email")).get(0).path("to").get(0)
                    .path("email").asText());
        }
    }

    @Test
    void aFailedChunkSaysWhichChunksWereAlreadyQueued() {
        try (MailerSendClient c = builder().bulkChunkSize(2).build()) {
            enqueueBulkAccepted("b1");
            enqueue(500, "{\"message\":\"Server Error\"}");
            BulkSendException e = assertThrows(BulkSendException.class, () -> c.bulkEmails().send(emails(4)));
            assertEquals(List.of("b1"), e.acceptedIds());
            assertEquals(2, e.firstUnsentIndex());
            assertTrue(e.getCause() instanceof ServerException);
            assertEquals(2, server.getRequestCount(), "a bulk write is not retried on 500");
        }
    }

    @Test
    void theStatusSurfacesValidationErrorsAndSuppressedRecipients() throws Exception {
        enqueue("{\"data\":{\"id\":\"66ab7dd9ef2d2c1378eec1a5\",\"state\":\"completed\",\"total_recipients_count\":3,"
                + "\"suppressed_recipients_count\":1,\"suppressed_recipients\":[{\"email\":\"bloque@example.com\","
                + "\"name\":null,\"reasons\":[\"blocklisted\"]}],\"validation_errors_count\":1,\"validation_errors\":"
                + "{\"1.to.0.email\":[\"The to.0.email must be a valid email address.\"]},\"messages_id\":"
                + "[\"66ab7dd9ef2d2c1378eec1b0\"],\"created_at\":\"2026-12-02T10:00:00.000000Z\",\"updated_at\":"
                + "\"2026-12-02T10:01:00.000000Z\"}}");
        BulkEmailStatus s = client.bulkEmails().status("66ab7dd9ef2d2c1378eec1a5");
        take("GET", "/bulk-email/66ab7dd9ef2d2c1378eec1a5");
        assertTrue(s.completed());
        assertTrue(s.hasProblems());
        assertEquals("1.to.0.email", s.validationErrors().get(0).field());
        assertEquals(List.of("The to.0.email must be a valid email address."), s.validationErrors().get(0).messages());
        assertEquals("bloque@example.com", s.suppressedRecipients().get(0).email());
        assertEquals(List.of("66ab7dd9ef2d2c1378eec1b0"), s.messageIds());
        assertEquals(3, s.totalRecipientsCount());
    }

    @Test
    void nullListsReadAsEmpty() {
        enqueue("{\"data\":{\"id\":\"known\",\"state\":\"queued\",\"total_recipients_count\":2,"
                + "\"suppressed_recipients_count\":0,\"suppressed_recipients\":null,\"validation_errors_count\":0,"
                + "\"validation_errors\":{},\"messages_id\":null,\"created_at\":\"2025-01-10T08:00:00.000000Z\","
                + "\"updated_at\":\"2025-01-10T08:01:00.000000Z\"}}");
        BulkEmailStatus s = client.bulkEmails().status("known");
        assertEquals("queued", s.state());
        assertTrue(s.suppressedRecipients().isEmpty());
        assertTrue(s.messageIds().isEmpty());
        assertTrue(!s.hasProblems());
    }

    @Test
    void waitingPollsWithBackoffUntilCompleted() {
        String queued = "{\"data\":{\"id\":\"b1\",\"state\":\"queued\"}}";
        enqueue(queued);
        enqueue(queued);
        enqueue("{\"data\":{\"id\":\"b1\",\"state\":\"processing\"}}");
        enqueue("{\"data\":{\"id\":\"b1\",\"state\":\"completed\",\"validation_errors\":[{\"index\":0,"
                + "\"errors\":{\"to.0.email\":[\"invalid\"]}}]}}");
        BulkEmailStatus s = client.bulkEmails().waitUntilCompleted("b1", Duration.ofMinutes(5));
        assertTrue(s.completed());
        assertEquals("0.to.0.email", s.validationErrors().get(0).field());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.delays());
    }

    @Test
    void waitingEndsAtTheDeadline() {
        for (int i = 0; i < 10; i++) {
            enqueue("{\"data\":{\"id\":\"b1\",\"state\":\"queued\"}}");
        }
        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
                () -> client.bulkEmails().waitUntilCompleted("b1", Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("queued"), e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.delays());
    }
}
