package com.rabaislocal.sdk.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.sse.ServerSentEvent;
import com.rabaislocal.sdk.core.sse.SseDecoder;
import com.rabaislocal.sdk.core.sse.SseStream;
import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.goaffpro.affiliates.Affiliate;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateListParams;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.auth.AuthClient;
import com.rabaislocal.sdk.supabase.auth.PasswordCredentials;
import com.rabaislocal.sdk.supabase.auth.Session;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's HTTP stack end to end on this combination's classpath: OkHttp 5 (calls, timeouts, SSE parsing through
 * okhttp-sse) on the combination's Kotlin stdlib, and Jackson binding of records, {@code java.time} and
 * {@code Optional} on the combination's Jackson.
 */
class SdkCallsTest {

    private static final String PUBLISHABLE = "sb_publishable_compat0123456789";

    private MockWebServer server;
    private SdkHttpClient transport;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    private String projectUrl() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    private void json(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(r, "no request reached the server");
        return r;
    }

    /** A row as an application would bind it. */
    record Offer(UUID id, String title, @JsonProperty("discount_percent") BigDecimal discountPercent,
                 @JsonProperty("starts_at") Instant startsAt, @JsonProperty("ends_at") Optional<Instant> endsAt) {
    }

    @Test
    void aSupabaseSelectSendsTheQueryAndBindsRecords() throws Exception {
        json(200, "[{\"id\":\"0f9a7c1e-8d2b-4c3a-b5e6-1a2b3c4d5e6f\",\"title\":\"Croissants 2 pour 1\","
                + "\"discount_percent\":50.00,\"starts_at\":\"2026-03-01T10:00:00+00:00\",\"ends_at\":null}]");
        try (SupabaseClient supabase = SupabaseClient.builder().url(projectUrl())
                .apiKey(CredentialProvider.of(PUBLISHABLE)).transport(transport).build()) {
            List<Offer> offers = supabase.from("offers").select("id,title,discount_percent,starts_at,ends_at")
                    .filter("city", "eq", "Montréal").order("starts_at").limit(10).list(Offer.class);

            assertEquals(List.of(new Offer(UUID.fromString("0f9a7c1e-8d2b-4c3a-b5e6-1a2b3c4d5e6f"),
                    "Croissants 2 pour 1", new BigDecimal("50.00"), Instant.parse("2026-03-01T10:00:00Z"),
                    Optional.empty())), offers);
        }
        RecordedRequest r = take();
        assertEquals("GET", r.getMethod());
        assertEquals("/rest/v1/offers", r.getUrl().encodedPath());
        assertEquals("id,title,discount_percent,starts_at,ends_at", r.getUrl().queryParameter("select"));
        assertEquals("eq.Montréal", r.getUrl().queryParameter("city"));
        assertEquals("10", r.getUrl().queryParameter("limit"));
        assertEquals(PUBLISHABLE, r.getHeaders().get("apikey"));
    }

    @Test
    void anAuthSignInPostsTheGrantAndAWrongPasswordIsTyped() throws Exception {
        json(200, "{\"access_token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\",\"token_type\":\"bearer\","
                + "\"expires_in\":3600,\"expires_at\":1767225600,\"refresh_token\":\"r3fr3sh\","
                + "\"user\":{\"id\":\"8f3c1c52-4a7e-4d4e-9a55-1f0b6f1e2a10\",\"aud\":\"authenticated\","
                + "\"role\":\"authenticated\",\"email\":\"marie@example.com\",\"app_metadata\":{},"
                + "\"user_metadata\":{},\"created_at\":\"2025-03-01T10:15:00.000000Z\"}}");
        json(400, "{\"code\":400,\"error_code\":\"invalid_credentials\",\"msg\":\"Invalid login credentials\"}");
        try (AuthClient auth = AuthClient.builder().url(projectUrl()).apiKey(Secret.of(PUBLISHABLE))
                .transport(transport).build()) {
            Session s = auth.signInWithPassword(PasswordCredentials.email("marie@example.com", Secret.of("pw-1")));
            assertEquals("r3fr3sh", s.refreshToken().reveal());
            assertEquals(Instant.ofEpochSecond(1767225600), s.expiresAt());
            assertEquals("marie@example.com", s.user().email());
            assertFalse(s.toString().contains("r3fr3sh"));

            assertThrows(AuthenticationException.class, () -> auth.signInWithPassword(
                    PasswordCredentials.email("marie@example.com", Secret.of("wrong"))));
        }
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/auth/v1/token", r.getUrl().encodedPath());
        assertEquals("password", r.getUrl().queryParameter("grant_type"));
        JsonNode body = SdkJson.mapper().readTree(r.getBody().utf8());
        assertEquals("marie@example.com", body.get("email").asText());
    }

    @Test
    void aGoAffProListSendsTheTokenAndReadsItsQuirkyValues() throws Exception {
        json(200, "{\"affiliates\":[{\"id\":12345,\"name\":\"Ana Roy\",\"email\":\"ana@example.com\","
                + "\"total_referral_earnings\":\"8.754800\",\"updated_at\":1700000000}]}");
        try (GoAffProClient goaffpro = GoAffProClient.builder().baseUrl(server.url("/v1").toString())
                .credential(CredentialProvider.of("gap_compat_token")).transport(transport).build()) {
            List<Affiliate> page = goaffpro.affiliates().page(AffiliateListParams.builder().limit(1).build(), 0)
                    .items();
            assertEquals("12345", page.get(0).id());
            assertEquals(new BigDecimal("8.754800"), page.get(0).totalReferralEarnings());
            assertEquals(Instant.ofEpochSecond(1_700_000_000L), page.get(0).updatedAt());
        }
        RecordedRequest r = take();
        assertEquals("/v1/admin/affiliates", r.getUrl().encodedPath());
        assertEquals("gap_compat_token", r.getHeaders().get("x-goaffpro-access-token"));
    }

    @Test
    void anSseStreamIsParsedByOkHttpSse() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(": comment\n\nevent: delta\nid: 7\ndata: first\ndata: second\n\n").build());
        ServiceClient client = ServiceClient.builder().service("acme").baseUrl(server.url("/v1/"))
                .transport(transport).build();
        List<ServerSentEvent> seen = new ArrayList<>();
        SdkRequest request = SdkRequest.builder("POST", "/chat/completions").jsonBody(Map.of("stream", true))
                .operation("chat.stream").build();
        try (SseStream<ServerSentEvent> stream = client.events(request, SseDecoder.raw(), Duration.ofSeconds(5))) {
            stream.forEachRemaining(seen::add);
        }
        assertEquals(1, seen.size(), seen.toString());
        assertEquals("delta", seen.get(0).eventType().orElseThrow());
        assertEquals("7", seen.get(0).eventId().orElseThrow());
        assertEquals("first\nsecond", seen.get(0).data());
        assertEquals("text/event-stream", take().getHeaders().get("Accept"));
    }
}
