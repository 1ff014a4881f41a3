package com.rabaislocal.sdk.testing.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailerSendStandInTest {

    private static final String TOKEN = "mlsn.standin";
    private final MailerSendStandIn ms;
    private final HttpClient http = HttpClient.newHttpClient();

    MailerSendStandInTest() throws Exception {
        ms = MailerSendStandIn.start(TOKEN);
    }

    @AfterEach
    void close() {
        ms.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ms.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptsAValidEmailWithItsHeadersAndKeepsItInTheOutbox() throws Exception {
        HttpResponse<String> r = call("POST", "/email", TOKEN, "{\"from\":{\"email\":\"offres@rabaislocal.com\"},"
                + "\"to\":[{\"email\":\"a@example.com\"}],\"subject\":\"S\",\"html\":\"<p>x</p>\",\"personalization\":"
                + "[{\"email\":\"a@example.com\",\"data\":{\"name\":\"Ana\"}}]}");
        assertEquals(202, r.statusCode());
        String id = r.headers().firstValue("x-message-id").orElseThrow();
        assertEquals(24, id.length());
        assertEquals("120", r.headers().firstValue("x-ratelimit-limit").orElseThrow());
        assertTrue(r.headers().firstValue("x-apiquota-remaining").isPresent());
        assertEquals(1, ms.outbox().size());
        assertEquals(id, ms.outbox().get(0).messageId());
        assertEquals("Ana", ms.outbox().get(0).personalization("a@example.com").path("name").asText());
    }

    @Test
    void refusesLikeTheApiWith422AndItsErrorShape() throws Exception {
        HttpResponse<String> r = call("POST", "/email", TOKEN, "{\"to\":[{\"email\":\"bad\"}],\"personalization\":"
                + "[{\"email\":\"bad@example.com\",\"data\":{\"a.b\":1}}]}");
        assertEquals(422, r.statusCode());
        JsonNode b = SdkJson.mapper().readTree(r.body());
        assertEquals(List.of("from.email", "to.0.email", "subject", "text", "personalization.0.data"),
                List.copyOf(SdkJson.mapper().convertValue(b.path("errors"), java.util.Map.class).keySet()));
        assertEquals("The from.email field is required. (and 4 more errors)", b.path("message").asText());
        assertEquals(0, ms.outbox().size());
        assertEquals(401, call("POST", "/email", "wrong", "{}").statusCode());
    }

    @Test
    void suppressedRecipientsGetWarnings() throws Exception {
        ms.suppress("gone@example.com", "hard_bounced");
        HttpResponse<String> some = call("POST", "/email", TOKEN, "{\"from\":{\"email\":\"o@rabaislocal.com\"},"
                + "\"to\":[{\"email\":\"a@example.com\"},{\"email\":\"gone@example.com\"}],\"subject\":\"S\","
                + "\"text\":\"t\"}");
        assertEquals(202, some.statusCode());
        assertEquals("SOME_SUPPRESSED", SdkJson.mapper().readTree(some.body()).path("warnings").get(0).path("type")
                .asText());
        HttpResponse<String> all = call("POST", "/email", TOKEN, "{\"from\":{\"email\":\"o@rabaislocal.com\"},"
                + "\"to\":[{\"email\":\"gone@example.com\"}],\"subject\":\"S\",\"text\":\"t\"}");
        JsonNode w = SdkJson.mapper().readTree(all.body()).path("warnings").get(0);
        assertEquals("ALL_SUPPRESSED", w.path("type").asText());
        assertEquals("hard_bounced", w.path("recipients").get(0).path("reasons").get(0).asText());
        assertTrue(all.headers().firstValue("x-message-id").isEmpty());
        assertEquals(1, ms.outbox().size());
    }

    @Test
    void bulkIsQueuedThenCompletedWithPerEmailErrors() throws Exception {
        HttpResponse<String> r = call("POST", "/bulk-email", TOKEN, "[{\"from\":{\"email\":\"o@rabaislocal.com\"},"
                + "\"to\":[{\"email\":\"a@example.com\"}],\"template_id\":\"t\"},{\"to\":[{\"email\":\"nope\"}],"
                + "\"template_id\":\"t\"}]");
        assertEquals(202, r.statusCode());
        String id = SdkJson.mapper().readTree(r.body()).path("bulk_email_id").asText();
        JsonNode first = SdkJson.mapper().readTree(call("GET", "/bulk-email/" + id, TOKEN, null).body()).path("data");
        assertEquals("queued", first.path("state").asText());
        JsonNode done = SdkJson.mapper().readTree(call("GET", "/bulk-email/" + id, TOKEN, null).body()).path("data");
        assertEquals("completed", done.path("state").asText());
        assertEquals(1, done.path("validation_errors_count").asInt());
        assertTrue(done.path("validation_errors").has("1.to.0.email"));
        assertEquals(1, done.path("messages_id").size());
        assertEquals(404, call("GET", "/bulk-email/unknown", TOKEN, null).statusCode());
    }

    @Test
    void failuresAndQuota() throws Exception {
        ms.failNext(429, 1, "Too Many Attempts.");
        HttpResponse<String> r = call("GET", "/api-quota", TOKEN, null);
        assertEquals(429, r.statusCode());
        assertEquals("1", r.headers().firstValue("retry-after").orElseThrow());
        JsonNode q = SdkJson.mapper().readTree(call("GET", "/api-quota", TOKEN, null).body());
        assertEquals(MailerSendStandIn.DAILY_QUOTA, q.path("quota").asInt());
    }

    @Test
    void deliversSignedWebhookEvents() throws Exception {
        List<String[]> got = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            got.add(new String[] {ex.getRequestHeaders().getFirst("Signature"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        try {
            call("POST", "/email", TOKEN, "{\"from\":{\"email\":\"o@rabaislocal.com\"},\"to\":[{\"email\":"
                    + "\"a@example.com\"}],\"subject\":\"S\",\"text\":\"t\"}");
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            assertEquals(200, ms.deliverEvent(url, Secret.of("whsec"), "activity.delivered", ms.outbox().get(0)));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("whsec".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal(got.get(0)[1].getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, got.get(0)[0]);
            JsonNode e = SdkJson.mapper().readTree(got.get(0)[1]);
            assertEquals("activity.delivered", e.path("type").asText());
            assertEquals(ms.outbox().get(0).messageId(), e.path("data").path("email").path("message").path("id")
                    .asText());
            assertEquals("a@example.com", e.path("data").path("email").path("recipient").path("email").asText());
        } finally {
            receiver.stop(0);
        }
    }
}
