package com.rabaislocal.sdk.monitoring.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.RabaisEnvironment;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.deliverability.AnalyticsBounceRate;
import com.rabaislocal.sdk.mailersend.deliverability.BounceRateTracker;
import com.rabaislocal.sdk.mailersend.emails.Recipient;
import com.rabaislocal.sdk.mailersend.template.EmailKind;
import com.rabaislocal.sdk.mailersend.template.EmailLocale;
import com.rabaislocal.sdk.mailersend.template.TemplateIds;
import com.rabaislocal.sdk.mailersend.template.TransactionalMailer;
import com.rabaislocal.sdk.mailersend.webhooks.MailerSendWebhooks;
import com.rabaislocal.sdk.monitoring.alerts.Alert;
import com.rabaislocal.sdk.monitoring.alerts.Alerts;
import com.rabaislocal.sdk.monitoring.alerts.EmailAlertChannel;
import com.rabaislocal.sdk.monitoring.alerts.MailerSendAlertMailer;
import com.rabaislocal.sdk.monitoring.alerts.SeedAlerts;
import com.rabaislocal.sdk.monitoring.alerts.Severity;
import com.rabaislocal.sdk.monitoring.health.HealthResult;
import com.rabaislocal.sdk.monitoring.health.HealthStatus;
import com.rabaislocal.sdk.monitoring.health.ServiceHealthChecks;
import com.rabaislocal.sdk.testing.mailersend.MailerSendStandIn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MailerSend health check, the alert mailer and the bounce-rate alert, at the wire. */
class MailerSendMonitoringTest {

    private static final String TOKEN = "mlsn.monitoring_token_0123456789";

    private MockWebServer server;
    private SdkHttpClient transport;
    private MailerSendClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        client = MailerSendClient.builder().baseUrl(server.url("/v1").toString()).credential(CredentialProvider.of(TOKEN))
                .transport(transport).build();
    }

    @AfterEach
    void stop() {
        client.close();
        transport.close();
        server.close();
    }

    private void quota(long quota, long remaining) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{\"quota\":" + quota
                + ",\"remaining\":" + remaining + ",\"reset\":\"2026-12-03T00:00:00Z\"}").build());
    }

    @Test
    void theHealthCheckReadsTheQuotaAndIsUpDegradedOrDown() throws Exception {
        quota(100000, 99000);
        HealthResult up = ServiceHealthChecks.mailerSend(client, Duration.ofSeconds(2), 0.10).check();
        assertEquals(HealthStatus.UP, up.status(), up.reason());
        assertEquals("mailersend", up.name());
        assertEquals(99000L, up.details().get("remaining"));
        assertTrue(up.details().containsKey("latency_ms"));
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("GET", r.getMethod());
        assertEquals("/v1/api-quota", r.getTarget());
        assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));

        quota(100000, 5000);
        HealthResult degraded = ServiceHealthChecks.mailerSend(client, Duration.ofSeconds(2), 0.10).check();
        assertEquals(HealthStatus.DEGRADED, degraded.status());
        assertTrue(degraded.reason().contains("5000 of 100000"), degraded.reason());

        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"message\":\"Unauthenticated.\"}").build());
        HealthResult down = ServiceHealthChecks.mailerSend(client, Duration.ofSeconds(2), 0.10).check();
        assertEquals(HealthStatus.DOWN, down.status());
        assertTrue(down.reason().startsWith("AuthenticationException"), down.reason());
        assertFalse(down.toString().contains(TOKEN));

        server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
        assertEquals(HealthStatus.DOWN, ServiceHealthChecks.mailerSend(client, Duration.ofSeconds(2), 0.10).check()
                .status());
        assertEquals(4, server.getRequestCount(), "a health check makes one attempt");
    }

    @Test
    void aStalledQuotaCallIsDownWithinTheTimeout() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"quota\":1,")
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        long start = System.nanoTime();
        HealthResult r = ServiceHealthChecks.mailerSend(client, Duration.ofMillis(500), 0.10).check();
        assertEquals(HealthStatus.DOWN, r.status());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }

    private static Alert alert(Severity s) {
        Instant t = Instant.parse("2026-12-02T12:00:00Z");
        return new Alert("database-down", s, Alert.Kind.FIRING, "Supabase unreachable for 3 checks", t, t);
    }

    @Test
    void thePlainMailerSendsCriticalAndWarningAlerts() throws Exception {
        EmailAlertChannel channel = new EmailAlertChannel(MailerSendAlertMailer.plain(client,
                Recipient.of("alertes@rabaislocal.com", "RabaisLocal alertes"),
                List.of(Recipient.of("dany@rabaislocal.com"), Recipient.of("oncall@rabaislocal.com"))));
        for (Severity s : Severity.values()) {
            server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Message-Id", "63189f260a946e37f800f018")
                    .build());
            channel.send(alert(s));
            RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
            assertEquals("/v1/email", r.getTarget());
            JsonNode body = SdkJson.mapper().readTree(r.getBody().utf8());
            assertEquals("[" + s + "] FIRING database-down", body.path("subject").asText());
            assertTrue(body.path("text").asText().startsWith("[" + s + "] FIRING database-down: Supabase"));
            assertEquals(2, body.path("to").size());
            assertEquals("alertes@rabaislocal.com", body.path("from").path("email").asText());
            assertEquals(s.name().toLowerCase(java.util.Locale.ROOT), body.path("tags").get(1).asText());
        }
    }

    @Test
    void theTemplateMailerSendsTheNoticeToEachRecipientOnTheStandIn() throws Exception {
        try (MailerSendStandIn ms = MailerSendStandIn.start(TOKEN);
             MailerSendClient standin = MailerSendClient.builder().baseUrl(ms.baseUrl())
                     .credential(CredentialProvider.of(TOKEN)).domain("rabaislocal.com").build()) {
            TemplateIds.Builder ids = TemplateIds.builder();
            for (EmailKind k : EmailKind.values()) {
                for (EmailLocale l : EmailLocale.values()) {
                    ids.everywhere(k, l, "tpl-" + k.key() + "-" + l.tag());
                }
            }
            List<AuditEvent> audited = new ArrayList<>();
            TransactionalMailer mailer = TransactionalMailer.builder(standin, RabaisEnvironment.PRODUCTION)
                    .templateIds(ids.build()).audit(audited::addAll).build();
            new EmailAlertChannel(MailerSendAlertMailer.viaTemplate(mailer, EmailLocale.FR_CA,
                    List.of(Recipient.of("dany@rabaislocal.com", "Dany"), Recipient.of("oncall@rabaislocal.com"))))
                    .send(alert(Severity.CRITICAL));
            assertEquals(2, ms.outbox().size());
            MailerSendStandIn.SentEmail first = ms.outbox().get(0);
            assertEquals("tpl-notice-fr-CA", first.body().path("template_id").asText());
            JsonNode data = first.personalization("dany@rabaislocal.com");
            assertEquals("[CRITICAL] FIRING database-down", data.path("title").asText());
            assertEquals("Dany", data.path("recipient_name").asText());
            assertEquals(2, audited.size());
        }
    }

    private static void feed(BounceRateTracker t, String type, int n) {
        for (int i = 0; i < n; i++) {
            t.record(MailerSendWebhooks.parse(("{\"type\":\"" + type + "\",\"data\":{\"id\":\"x\"}}")
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<String> run(Alerts alerts) {
        List<String> out = new ArrayList<>();
        for (Alert a : alerts.evaluate()) {
            out.add(a.kind() + " " + a.rule());
        }
        return out;
    }

    @Test
    void theBounceRateFromWebhookEventsRaisesAndResolvesTheSeedAlert() {
        FakeClock clock = FakeClock.create();
        BounceRateTracker tracker = new BounceRateTracker(Duration.ofHours(24), 100, clock);
        Alerts alerts = Alerts.builder().rule(SeedAlerts.bounceRate(tracker, 0.02)).clock(clock).build();
        feed(tracker, "activity.delivered", 100);
        feed(tracker, "activity.hard_bounced", 2);
        assertEquals(List.of(), run(alerts), "2% is not above 2%");
        feed(tracker, "activity.soft_bounced", 2);
        assertEquals(List.of("FIRING bounce-rate"), run(alerts));
        assertTrue(alerts.firing().get("bounce-rate").contains("4.0%"), alerts.firing().toString());
        clock.advance(Duration.ofHours(25));
        feed(tracker, "activity.delivered", 200);
        feed(tracker, "activity.hard_bounced", 1);
        assertEquals(List.of("RESOLVED bounce-rate"), run(alerts));
    }

    @Test
    void theBounceRateFromAnalyticsRaisesAndResolvesTheSeedAlert() throws Exception {
        FakeClock clock = FakeClock.create();
        AnalyticsBounceRate rate = new AnalyticsBounceRate(client, Duration.ofDays(7), "dom1", 100, clock);
        Alerts alerts = Alerts.builder().rule(SeedAlerts.bounceRate(rate, 0.02)).clock(clock).build();
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(
                "{\"data\":{\"group_by\":\"days\",\"stats\":[{\"date\":\"1764547200\",\"delivered\":500,"
                + "\"hard_bounced\":20,\"soft_bounced\":5}]}}").build());
        assertEquals(List.of("FIRING bounce-rate"), run(alerts));
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/v1/analytics/date", r.getUrl().encodedPath());
        assertEquals(List.of("delivered", "hard_bounced", "soft_bounced"), r.getUrl().queryParameterValues("event[]"));
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(
                "{\"data\":{\"group_by\":\"days\",\"stats\":[{\"date\":\"1764547200\",\"delivered\":500,"
                + "\"hard_bounced\":2,\"soft_bounced\":1}]}}").build());
        assertEquals(List.of("RESOLVED bounce-rate"), run(alerts));
    }
}
