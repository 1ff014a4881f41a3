package com.rabaislocal.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.testing.mailersend.MailerSendStandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailerSendWalkthroughTest {

    @Test
    void runsOfflineOnTheStandIn() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (MailerSendStandIn ms = MailerSendStandIn.start("mlsn.t");
             MailerSendClient client = MailerSendClient.builder().baseUrl(ms.baseUrl())
                     .credential(CredentialProvider.of("mlsn.t")).domain("rabaislocal.com").bulkChunkSize(2).build()) {
            MailerSendWalkthrough.Result r = MailerSendWalkthrough.runOnStandIn(ms, client, out);
            assertEquals(ms.outbox().get(0).messageId(), r.welcomeMessageId().orElseThrow());
            assertEquals(5, r.bulkEmails());
            assertEquals(3, ms.bulkRequestCount());
            assertEquals("hard_bounced", r.suppressedWarnings().get(0).reasons().get(0));
            assertTrue(r.webhookVerified());
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        for (String expected : new String[] {"[1/4] Welcome email in French", "message id ", "Chloé Tremblay",
            "5 emails in 3 requests", "PARTLY_SUPPRESSED: a***@example.com [hard_bounced]", "suppressed, PERMANENT",
            "HTTP 200; wrongly signed: HTTP 401", "email_send"}) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in:\n" + text);
        }
        assertFalse(text.contains("ancien@example.com"), text);
    }
}
