package com.rabaislocal.sdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.spring.test.RabaisStandIns;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rabaislocal.webhooks.mailersend.secret=" + OffersApplicationTest.SIGNING_SECRET,
        // The test is the proxy: each test speaks for its own client address, so their limits do not mix.
        "rabaislocal.webhooks.trusted-proxies=127.0.0.1",
        "rabaislocal.supabase.audit.linger=50ms"})
@RabaisStandIns(supabase = SupabaseBackend.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OffersApplicationTest {

    static final String SIGNING_SECRET = "mailersend-test-signing-secret";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    SupabaseBackend supabase;

    @Autowired
    EmailEvents emailEvents;

    @DynamicPropertySource
    static void spool(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("offers-audit").toString();
        registry.add("rabaislocal.supabase.audit.spool-directory", () -> dir);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> webhook(String clientIp, String body, String signature) throws Exception {
        return send(request("/webhooks/mailersend").header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientIp).header("Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String delivery(String id) {
        return "{\"type\":\"activity.delivered\",\"created_at\":\"2026-12-02T12:00:00.000000Z\",\"data\":{\"id\":\""
                + id + "\",\"type\":\"delivered\",\"email\":{\"recipient\":{\"email\":\"client@example.com\"}}}}";
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return SdkJson.mapper().readTree(r.body());
    }

    @Test
    @Order(1)
    void aSignedWebhookIsAcceptedAndAForgedOneRefused() throws Exception {
        String body = delivery("evt-signed-1");
        HttpResponse<String> ok = webhook("203.0.113.1", body, sign(body));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("code").asText()).isEqualTo("accepted");
        assertThat(emailEvents.received()).contains("activity.delivered");

        String forged = delivery("evt-forged-1");
        HttpResponse<String> refused = webhook("203.0.113.1", forged, sign(forged.replace("delivered", "opened")));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("code").asText()).isEqualTo("signature_invalid");
    }

    @Test
    @Order(2)
    void theEleventhWebhookInAMinuteIsRefused() throws Exception {
        for (int i = 1; i <= 10; i++) {
            String body = delivery("evt-burst-" + i);
            assertThat(webhook("203.0.113.2", body, sign(body)).statusCode()).as("delivery " + i).isEqualTo(200);
        }
        String body = delivery("evt-burst-11");
        HttpResponse<String> refused = webhook("203.0.113.2", body, sign(body));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("code").asText()).isEqualTo("rate_limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        // Another client is not held back by this one's burst.
        String other = delivery("evt-other-1");
        assertThat(webhook("203.0.113.3", other, sign(other)).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aVerifiedUserCreatesAnOfferAsThemselvesWithItsAuditEvent() throws Exception {
        UUID merchant = UUID.randomUUID();
        String token = supabase.accessToken(merchant);
        HttpResponse<String> created = send(request("/offers").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("X-Request-Id", "req-offer-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Bagels : 6 pour 5\",\"discountPercent\":16.67,"
                        + "\"city\":\"Montréal\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode offer = json(created);
        assertThat(offer.get("merchantId").asText()).isEqualTo(merchant.toString());
        assertThat(offer.get("status").asText()).isEqualTo("active");
        assertThat(created.headers().firstValue("Location")).hasValue("/offers/" + offer.get("id").asText());

        RecordedRequest insert = supabase.requests().stream()
                .filter(r -> r.getMethod().equals("POST") && r.getTarget().startsWith("/rest/v1/offers"))
                .findFirst().orElseThrow();
        // The user's own token goes to Supabase (RLS applies), with the publishable key.
        assertThat(insert.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
        assertThat(insert.getHeaders().get("apikey")).isEqualTo(SupabaseBackend.PUBLISHABLE_KEY);

        long until = System.nanoTime() + 5_000_000_000L;
        while (audit() == null && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        RecordedRequest audit = audit();
        assertThat(audit).as("the audit event reaches logs_audit").isNotNull();
        assertThat(audit.getHeaders().get("apikey")).isEqualTo(SupabaseBackend.SECRET_KEY);
        String row = audit.getBody().utf8();
        assertThat(row).contains(merchant.toString()).contains("\"request_id\":\"req-offer-1\"")
                .contains("\"entity_id\":\"" + offer.get("id").asText() + "\"");

        HttpResponse<String> metrics = send(request("/actuator/metrics/rabaislocal.sdk.requests").GET());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("supabase");
    }

    private RecordedRequest audit() {
        return supabase.requests().stream()
                .filter(r -> r.getMethod().equals("POST") && r.getTarget().startsWith("/rest/v1/logs_audit"))
                .findFirst().orElse(null);
    }

    @Test
    @Order(4)
    void anInvalidOfferIsAProblemDetailListingEveryField() throws Exception {
        int before = supabase.requests().size();
        HttpResponse<String> r = send(request("/offers")
                .header("Authorization", "Bearer " + supabase.accessToken(UUID.randomUUID()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\" \",\"discountPercent\":150,"
                        + "\"city\":\"Québec\"}")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = json(r);
        assertThat(p.get("code").asText()).isEqualTo("validation_failed");
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("instance").asText()).isEqualTo("/offers");
        assertThat(p.get("errors").has("title")).isTrue();
        assertThat(p.get("errors").has("discount_percent")).isTrue();
        // Refused before anything was sent.
        assertThat(supabase.requests().subList(before, supabase.requests().size()))
                .noneMatch(q -> q.getMethod().equals("POST"));
    }

    @Test
    @Order(5)
    void noOrAForgedTokenIsA401ProblemDetail() throws Exception {
        HttpResponse<String> none = send(request("/offers/me").GET());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(none).get("code").asText()).isEqualTo("unauthenticated");

        String token = supabase.accessToken(UUID.randomUUID());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> forged = send(request("/offers/me").header("Authorization", "Bearer " + tampered).GET());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain(tampered);

        HttpResponse<String> me = send(request("/offers/me").header("Authorization", "Bearer " + token).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("role").asText()).isEqualTo("authenticated");
    }

    @Test
    @Order(6)
    @DirtiesContext
    void healthIsUpThenDownWhenSupabaseStops() throws Exception {
        HttpResponse<String> up = send(request("/actuator/health").GET());
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        JsonNode components = json(up).get("components");
        assertThat(json(up).get("status").asText()).isEqualTo("UP");
        assertThat(components.get("supabase").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("goAffPro").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("make").get("status").asText()).isEqualTo("UP");

        supabase.close();
        HttpResponse<String> down = send(request("/actuator/health").GET());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).get("status").asText()).isEqualTo("DOWN");
        assertThat(json(down).get("components").get("supabase").get("status").asText()).isEqualTo("DOWN");
        assertThat(down.body()).doesNotContain(SupabaseBackend.PUBLISHABLE_KEY)
                .doesNotContain(SupabaseBackend.SECRET_KEY);
    }
}
