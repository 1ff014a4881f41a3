package com.rabaislocal.sdk.monitoring.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The channels at the wire: Slack's incoming webhook, email through a mailer, the log. */
class ChannelsTest {

    private static final String SLACK_PATH = "/services/T0RABAIS/B0ALERTS/xoxSecretPart9f8e7d";

    private static Alert alert(Severity s, Alert.Kind kind) {
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        return new Alert("database-down", s, kind, "supabase DOWN (503), 3 failed check(s) in a row", t, t);
    }

    @Test
    void slackGetsCriticalAlertsAsIncomingWebhookJsonAndNeverShowsItsUrl() throws Exception {
        try (MockWebServer slack = new MockWebServer(); SdkHttpClient transport = SdkHttpClient.builder().build()) {
            slack.start();
            Secret url = Secret.of(slack.url(SLACK_PATH).toString());
            SlackAlertChannel channel = SlackAlertChannel.of(url, transport, Duration.ofSeconds(2), true);
            assertFalse(channel.accepts(Severity.WARNING));
            assertTrue(channel.accepts(Severity.CRITICAL));

            slack.enqueue(new MockResponse.Builder().body("ok").build());
            channel.send(alert(Severity.CRITICAL, Alert.Kind.FIRING));
            RecordedRequest r = slack.takeRequest(1, TimeUnit.SECONDS);
            assertEquals("POST", r.getMethod());
            assertEquals(SLACK_PATH, r.getTarget());
            assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
            JsonNode body = SdkJson.mapper().readTree(r.getBody().utf8());
            assertTrue(body.get("text").asText().contains("*FIRING* `database-down` (CRITICAL)"), body.toString());
            assertTrue(body.get("text").asText().contains("3 failed check(s) in a row"));

            slack.enqueue(new MockResponse.Builder().code(404).body("no_service").build());
            try (LogCapture logs = LogCapture.sdk()) {
                RabaisSdkException e = assertThrows(RabaisSdkException.class,
                        () -> channel.send(alert(Severity.CRITICAL, Alert.Kind.RESOLVED)));
                assertTrue(e.getMessage().contains("HTTP 404 no_service"), e.getMessage());
                assertFalse(e.getMessage().contains("xoxSecretPart"), e.getMessage());
                assertFalse(logs.text().contains("xoxSecretPart"), logs.text());
            }
            assertFalse(channel.toString().contains("xoxSecretPart"), channel.toString());
        }
    }

    @Test
    void aSlackThatDoesNotAnswerFailsByItsTimeoutWithoutTheUrl() throws Exception {
        try (MockWebServer slack = new MockWebServer(); SdkHttpClient transport = SdkHttpClient.builder().build()) {
            slack.start();
            slack.enqueue(new MockResponse.Builder().body("ok").headersDelay(5, TimeUnit.SECONDS).build());
            SlackAlertChannel channel = SlackAlertChannel.of(Secret.of(slack.url(SLACK_PATH).toString()), transport,
                    Duration.ofMillis(300), true);
            RabaisSdkException e = assertThrows(RabaisSdkException.class,
                    () -> channel.send(alert(Severity.CRITICAL, Alert.Kind.FIRING)));
            assertFalse(e.getMessage().contains("xoxSecretPart"), e.getMessage());
        }
    }

    @Test
    void emailGetsCriticalAndWarningAlertsWithASubjectAndText() {
        List<String> sent = new ArrayList<>();
        EmailAlertChannel email = new EmailAlertChannel((subject, text, a) -> sent.add(subject + "|" + text));
        assertTrue(email.accepts(Severity.WARNING));
        email.send(alert(Severity.WARNING, Alert.Kind.REMINDER));
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).startsWith("[WARNING] REMINDER database-down|"), sent.get(0));
        assertTrue(sent.get(0).contains("Since: 2026-12-02T10:00:00Z"));
    }

    @Test
    void theLogChannelWritesOneLinePerAlertAtItsLevel() {
        try (LogCapture logs = LogCapture.sdk()) {
            Slf4jAlertChannel log = new Slf4jAlertChannel();
            log.send(alert(Severity.CRITICAL, Alert.Kind.FIRING));
            log.send(alert(Severity.WARNING, Alert.Kind.FIRING));
            log.send(alert(Severity.CRITICAL, Alert.Kind.RESOLVED));
            assertEquals(1, logs.at("ERROR").size(), logs.text());
            assertEquals(1, logs.at("WARN").size(), logs.text());
            assertEquals(1, logs.at("INFO").size(), logs.text());
        }
    }
}
