package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.ConfigKey;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailerSendClientTest extends WireTestBase {

    @Test
    void buildListsEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> MailerSendClient.builder()
                .baseUrl("ftp://x").timeout(Duration.ZERO).domain("a@b").bulkChunkSize(501).maxPages(0).build());
        assertEquals(List.of("baseUrl", "credential", "timeout", "domain", "bulkChunkSize", "maxPages"),
                List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    void defaultsAreThePublicApiAThirtySecondAttemptAndTheMailerSendPolicy() {
        MailerSendClient c = MailerSendClient.builder().credential(
                com.rabaislocal.sdk.core.config.CredentialProvider.of(TOKEN)).build();
        assertEquals("https://api.mailersend.com/v1", c.options().baseUrl());
        assertEquals(Duration.ofSeconds(30), c.options().timeout());
        assertEquals(MailerSendClient.DEFAULT_RETRY_POLICY, c.options().retryPolicy());
        assertEquals(500, c.bulkEmails().chunkSize());
        assertTrue(c.options().retryPolicy().isUnprocessedStatus(429));
        assertFalse(c.options().retryPolicy().isUnprocessedStatus(500));
    }

    @Test
    void fromSettingsReadsKeyBaseUrlAndDomain() throws Exception {
        SdkConfig config = SdkConfig.builder().set(ConfigKey.MAILERSEND_API_KEY, TOKEN)
                .set(ConfigKey.MAILERSEND_BASE_URL, server.url("/v1").toString())
                .set(ConfigKey.MAILERSEND_DOMAIN, "rabaislocal.com").build();
        try (MailerSendClient c = MailerSendClient.fromSettings(config)) {
            assertEquals("rabaislocal.com", c.domain().orElseThrow());
            enqueue("{\"quota\":100000,\"remaining\":5,\"reset\":\"2026-12-03T00:00:00Z\"}");
            assertEquals(5, c.apiQuota().get().remaining());
            take("GET", "/api-quota");
        }
    }

    @Test
    void withOptionsDerivesAClientAndKeepsTheRest() {
        MailerSendClient derived = client.withOptions(b -> b.bulkChunkSize(50).domain("rabaislocal.com"));
        assertEquals(50, derived.bulkEmails().chunkSize());
        assertEquals(client.options().baseUrl(), derived.options().baseUrl());
        assertEquals(client.options().transport(), derived.options().transport());
        assertTrue(client.domain().isEmpty());
    }

    @Test
    void aClosedClientRefusesCalls() {
        MailerSendClient c = builder().build();
        c.close();
        c.close();
        assertThrows(RabaisSdkException.class, () -> c.apiQuota().get());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void everyCallIsNamedForListenersAndMetrics() {
        List<String> ops = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MailerSendClient c = builder().listener(new com.rabaislocal.sdk.core.listener.RequestListener() {
            @Override
            public void onSuccess(com.rabaislocal.sdk.core.listener.RequestEvent event) {
                ops.add(event.service() + ":" + event.operation());
            }
        }).build()) {
            enqueueAccepted();
            c.emails().send(EmailServiceWireTest.simple("a@example.com"));
            enqueue(202, "{\"bulk_email_id\":\"b1\"}");
            c.bulkEmails().send(List.of(EmailServiceWireTest.simple("a@example.com")));
            enqueue("{\"data\":{\"id\":\"b1\",\"state\":\"completed\"}}");
            c.bulkEmails().status("b1");
            enqueue("{\"quota\":1,\"remaining\":1}");
            c.apiQuota().get();
            enqueue("{\"data\":[]}");
            c.suppressions().blocklist().page(ListParams.all(), 1);
        }
        assertEquals(List.of("mailersend:emails.send", "mailersend:bulk_emails.send", "mailersend:bulk_emails.status",
                "mailersend:api_quota.get", "mailersend:suppressions.blocklist.list"), ops);
    }

    @Test
    void toStringHidesTheToken() {
        assertFalse(client.toString().contains(TOKEN));
        assertTrue(client.toString().contains("token=set"));
    }
}
