package com.rabaislocal.sdk.mailersend.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.RabaisEnvironment;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.core.testing.RecordingAuditSink;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.emails.Recipient;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionalMailerTest {

    static final String TOKEN = "mlsn.template_test_token_0123456789abcdef";
    static final String MESSAGE_ID = "63189f260a946e37f800f018";
    static final Instant T0 = FakeClock.DEFAULT_START;

    MockWebServer server;
    SdkHttpClient transport;
    RecordingSleeper sleeper;
    MailerSendClient client;
    RecordingAuditSink audit;
    TransactionalMailer mailer;

    static TemplateIds ids() {
        TemplateIds.Builder b = TemplateIds.builder();
        for (EmailKind k : EmailKind.values()) {
            for (EmailLocale l : EmailLocale.values()) {
                b.put(k, RabaisEnvironment.STAGING, l, "stg-" + k.key() + "-" + l.tag());
                b.put(k, RabaisEnvironment.PRODUCTION, l, "prd-" + k.key() + "-" + l.tag());
            }
        }
        return b.build();
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        sleeper = RecordingSleeper.create();
        client = MailerSendClient.builder().baseUrl(server.url("/v1").toString()).credential(CredentialProvider.of(TOKEN))
                .transport(transport).domain("rabaislocal.com").timeout(Duration.ofMillis(500))
                .retryPolicy(MailerSendClient.DEFAULT_RETRY_POLICY.toBuilder().sleeper(sleeper).clock(sleeper.clock())
                        .maxRetries(1).build()).build();
        audit = new RecordingAuditSink();
        mailer = TransactionalMailer.builder(client, RabaisEnvironment.STAGING).templateIds(ids()).audit(audit)
                .clock(sleeper.clock()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        transport.close();
        server.close();
    }

    private void accepted() {
        server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Message-Id", MESSAGE_ID).build());
    }

    private JsonNode sent() throws Exception {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/v1/email", r.getUrl().encodedPath());
        return SdkJson.mapper().readTree(r.getBody().utf8());
    }

    static Stream<Arguments> everyEmailInBothLocales() {
        Instant later = T0.plus(Duration.ofDays(3));
        List<TransactionalEmail> emails = List.of(
                new WelcomeEmail("Chloé", "merchant", null),
                new CreditsReceiptEmail("tx_42", 50, new BigDecimal("12.50"), 80, T0),
                new OfferPublishedEmail("Boulangerie Ange", "Croissants 2 pour 1", "https://rabaislocal.com/o/7", T0,
                        later),
                new OfferExpiringEmail("Croissants 2 pour 1", "Boulangerie Ange", "https://rabaislocal.com/o/7",
                        later, T0),
                new ConsentRecordedEmail("c_9", List.of("Infolettre", "Offres locales"), "2026-11",
                        "https://rabaislocal.com/confidentialite", T0, "https://app.rabaislocal.com/consentements"),
                new NoticeEmail("Maintenance", "Le service sera interrompu.", "https://status.rabaislocal.com",
                        "Voir l'état"));
        return emails.stream().flatMap(e -> Stream.of(Arguments.of(e, EmailLocale.FR_CA),
                Arguments.of(e, EmailLocale.EN_CA)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyEmailInBothLocales")
    void everyRegisteredEmailSendsItsVariablesAndTheStandardOnes(TransactionalEmail email, EmailLocale locale)
            throws Exception {
        accepted();
        TransactionalSendResult r = mailer.send(email, Recipient.of("chloe@example.com", "Chloé Tremblay"), locale,
                "user_1");
        assertEquals(MESSAGE_ID, r.messageId());
        JsonNode body = sent();
        EmailKind kind = email.kind();
        assertEquals("stg-" + kind.key() + "-" + locale.tag(), body.path("template_id").asText());
        assertEquals("notifications@rabaislocal.com", body.path("from").path("email").asText());
        assertEquals(email.subject(locale), body.path("subject").asText());
        assertEquals(List.of(kind.key(), locale.tag(), "staging"), SdkJson.mapper().convertValue(body.path("tags"),
                List.class));
        JsonNode data = body.path("personalization").get(0).path("data");
        assertEquals("chloe@example.com", body.path("personalization").get(0).path("email").asText());
        for (String name : StandardVariables.NAMES) {
            assertTrue(data.has(name), name);
        }
        for (String name : kind.variableNames()) {
            assertTrue(data.has(name), kind + " lacks " + name);
        }
        assertEquals(StandardVariables.NAMES.size() + kind.variableNames().size(), data.size());
        assertEquals("Chloé Tremblay", data.path("recipient_name").asText());
        assertEquals("https://staging.rabaislocal.com", data.path("app_url").asText());
        assertEquals("support@rabaislocal.com", data.path("support_email").asText());
        assertEquals(locale.tag(), data.path("locale").asText());
        assertEquals("RabaisLocal", data.path("platform_name").asText());
        if (kind.strictlyTransactional()) {
            assertEquals("", data.path("unsubscribe_url").asText());
            assertFalse(body.has("list_unsubscribe"));
        } else {
            assertEquals("https://staging.rabaislocal.com/preferences/courriels", data.path("unsubscribe_url").asText());
            assertEquals("<https://staging.rabaislocal.com/preferences/courriels>", body.path("list_unsubscribe")
                    .asText());
        }
        data.fieldNames().forEachRemaining(n -> assertFalse(n.contains("."), n));
    }

    @Test
    void valuesAreFormattedForEachLocale() {
        CreditsReceiptEmail receipt = new CreditsReceiptEmail("tx_42", 50, new BigDecimal("12.50"), 80,
                Instant.parse("2026-12-02T15:00:00Z"));
        assertEquals("12,50 $", receipt.variables(EmailLocale.FR_CA).get("amount"));
        assertEquals("$12.50", receipt.variables(EmailLocale.EN_CA).get("amount"));
        assertEquals("2 décembre 2026", receipt.variables(EmailLocale.FR_CA).get("purchased_on"));
        assertEquals("December 2, 2026", receipt.variables(EmailLocale.EN_CA).get("purchased_on"));
        assertEquals("commerçant", new WelcomeEmail("A", "merchant", null).variables(EmailLocale.FR_CA)
                .get("account_type"));
        assertEquals("member", new WelcomeEmail("A", "consumer", null).variables(EmailLocale.EN_CA)
                .get("account_type"));
        OfferExpiringEmail soon = new OfferExpiringEmail("Café", "Brûlerie", "https://rabaislocal.com/o/1",
                T0.plus(Duration.ofDays(2)), T0);
        assertEquals(2L, soon.variables(EmailLocale.FR_CA).get("days_left"));
        assertEquals("Plus que 2 jours : Café", soon.subject(EmailLocale.FR_CA));
        assertEquals("2 days left: Café", soon.subject(EmailLocale.EN_CA));
        assertEquals(EmailLocale.FR_CA, EmailLocale.of(null));
        assertEquals(EmailLocale.EN_CA, EmailLocale.of("en"));
    }

    @Test
    void anEmailWithBadValuesListsThemAll() {
        ValidationException e = assertThrows(ValidationException.class, () -> new CreditsReceiptEmail(" ", 0,
                new BigDecimal("-1"), -1, null));
        assertEquals(List.of("transaction_id", "credits", "amount", "balance_after", "purchased_on"),
                List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    void oneLogLineAndOneAuditEventPerSendWithoutAddressOrBody() throws Exception {
        try (LogCapture logs = LogCapture.sdk()) {
            accepted();
            mailer.send(new NoticeEmail("Titre secret", "Corps du message", null, null),
                    Recipient.of("chloe@example.com", "Chloé"), EmailLocale.FR_CA, "user_1");
            List<String> lines = logs.lines().stream().filter(l -> l.contains("mailersend.template")).toList();
            assertEquals(1, lines.size(), lines.toString());
            String line = lines.get(0);
            assertTrue(line.contains("template=notice"), line);
            assertTrue(line.contains("message_id=" + MESSAGE_ID), line);
            assertTrue(line.contains("outcome=sent"), line);
            assertTrue(line.contains("to=c***@example.com"), line);
            assertFalse(logs.text().contains("chloe@example.com"), logs.text());
            assertFalse(logs.text().contains("Corps du message"));
            assertFalse(logs.text().contains("Titre secret"));
        }
        AuditEvent e = audit.events().get(0);
        assertEquals(1, audit.events().size());
        assertEquals("email_send", e.action());
        assertEquals("email", e.entityType());
        assertEquals(MESSAGE_ID, e.entityId());
        assertEquals("user_1", e.actorId());
        assertEquals(T0, e.occurredAt());
        Map<String, Object> after = e.changes().after();
        assertEquals("notice", after.get("template"));
        assertEquals("sent", after.get("outcome"));
        assertEquals("c***@example.com", after.get("recipient"));
        assertEquals("stg-notice-fr-CA", after.get("template_id"));
        assertFalse(e.toJson().contains("chloe@example.com"));
        assertFalse(e.toJson().contains("Corps du message"));
    }

    private TransactionalEmailException fails() {
        return assertThrows(TransactionalEmailException.class, () -> mailer.send(NoticeEmail.of("T", "M"),
                Recipient.of("chloe@example.com"), EmailLocale.FR_CA, null));
    }

    private void enqueue(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body)
                .build());
    }

    @Test
    void everyFailureKindIsClassified() {
        enqueue(422, "{\"message\":\"The to.0.email must be a valid email address.\",\"errors\":{\"to.0.email\":"
                + "[\"The to.0.email must be a valid email address.\"]}}");
        TransactionalEmailException badAddress = fails();
        assertEquals(FailureReason.INVALID_ADDRESS, badAddress.reason());
        assertEquals(FailureClass.PERMANENT, badAddress.failureClass());

        enqueue(422, "{\"message\":\"The template_id is invalid.\",\"errors\":{\"template_id\":[\"invalid\"]}}");
        assertEquals(FailureReason.VALIDATION, fails().reason());

        enqueue(202, "{\"warnings\":[{\"type\":\"ALL_SUPPRESSED\",\"warning\":\"All suppressed.\",\"recipients\":"
                + "[{\"email\":\"chloe@example.com\",\"reasons\":[\"hard_bounced\"]}]}]}");
        TransactionalEmailException suppressed = fails();
        assertEquals(FailureReason.SUPPRESSED, suppressed.reason());
        assertEquals(FailureClass.PERMANENT, suppressed.failureClass());

        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").body("{}").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").body("{}").build());
        TransactionalEmailException limited = fails();
        assertEquals(FailureReason.RATE_LIMIT, limited.reason());
        assertEquals(FailureClass.TRANSIENT, limited.failureClass());
        assertEquals(Duration.ofSeconds(30), limited.retryAfter().orElseThrow());

        enqueue(503, "{\"message\":\"Service Unavailable\"}");
        enqueue(503, "{\"message\":\"Service Unavailable\"}");
        TransactionalEmailException outage = fails();
        assertEquals(FailureReason.OUTAGE, outage.reason());
        assertFalse(outage.possiblySent());

        enqueue(500, "{\"message\":\"Server Error\"}");
        TransactionalEmailException error500 = fails();
        assertEquals(FailureClass.TRANSIENT, error500.failureClass());
        assertTrue(error500.possiblySent());

        enqueue(401, "{\"message\":\"Unauthenticated.\"}");
        assertEquals(FailureReason.AUTHENTICATION, fails().reason());
        enqueue(403, "{\"message\":\"This action is unauthorized.\"}");
        assertEquals(FailureReason.PERMISSION, fails().reason());
        enqueue(404, "{\"message\":\"Resource not found.\"}");
        assertEquals(FailureReason.CONFIGURATION, fails().reason());

        server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Message-Id", MESSAGE_ID)
                .headersDelay(2, TimeUnit.SECONDS).build());
        TransactionalEmailException timeout = fails();
        assertEquals(FailureReason.TIMEOUT, timeout.reason());
        assertEquals(FailureClass.TRANSIENT, timeout.failureClass());
        assertTrue(timeout.possiblySent());

        server.enqueue(new MockResponse.Builder().code(202).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        TransactionalEmailException network = fails();
        assertEquals(FailureReason.NETWORK, network.reason());
        assertTrue(network.possiblySent());

        server.enqueue(new MockResponse.Builder().code(202).build());
        TransactionalEmailException unexpected = fails();
        assertEquals(FailureReason.UNEXPECTED_RESPONSE, unexpected.reason());
        assertEquals(FailureClass.PERMANENT, unexpected.failureClass());

        int before = server.getRequestCount();
        TransactionalEmailException local = assertThrows(TransactionalEmailException.class, () -> mailer.send(
                NoticeEmail.of("T", "M"), Recipient.of("pas une adresse"), EmailLocale.FR_CA, null));
        assertEquals(FailureReason.INVALID_ADDRESS, local.reason());
        assertEquals(before, server.getRequestCount(), "refused before any request");

        for (AuditEvent e : audit.events()) {
            assertEquals("failed", e.changes().after().get("outcome"));
        }
        assertEquals(13, audit.events().size(), "one audit event per send, failures included");
        assertEquals("rate_limit", audit.events().get(3).changes().after().get("failure_reason"));
        assertEquals("transient", audit.events().get(3).changes().after().get("failure_class"));
    }

    @Test
    void aFailingAuditSinkNeverFailsTheSend() {
        audit.failAlways();
        accepted();
        assertEquals(MESSAGE_ID, mailer.send(NoticeEmail.of("T", "M"), Recipient.of("a@example.com")).messageId());
    }

    @Test
    void theBuilderWantsEveryTemplateAndAnAuditSink() {
        ValidationException e = assertThrows(ValidationException.class, () -> TransactionalMailer
                .builder(client, RabaisEnvironment.DEVELOPMENT).templateIds(ids()).supportEmail("nope").build());
        assertEquals(List.of("templateIds", "supportEmail", "audit"), List.copyOf(e.fieldErrors().keySet()));
        assertTrue(e.getMessage().contains("welcome/development/fr-CA"), e.getMessage());
        TransactionalMailer partial = TransactionalMailer.builder(client, RabaisEnvironment.DEVELOPMENT)
                .templateIds(TemplateIds.builder().build()).requireAllTemplates(false).audit(audit).build();
        TransactionalEmailException missing = assertThrows(TransactionalEmailException.class,
                () -> partial.send(NoticeEmail.of("T", "M"), Recipient.of("a@example.com")));
        assertEquals(FailureReason.CONFIGURATION, missing.reason());
    }

    @Test
    void productionUsesItsOwnTemplatesAndUrls() throws Exception {
        TransactionalMailer prod = TransactionalMailer.builder(client, RabaisEnvironment.PRODUCTION)
                .templateIds(ids()).audit(audit).build();
        accepted();
        prod.send(new WelcomeEmail("Ana", "consumer", null), Recipient.of("ana@example.com"));
        JsonNode body = sent();
        assertEquals("prd-welcome-fr-CA", body.path("template_id").asText());
        JsonNode data = body.path("personalization").get(0).path("data");
        assertEquals("https://app.rabaislocal.com", data.path("app_url").asText());
        assertEquals("membre RabaisLocal", data.path("recipient_name").asText());
    }
}
