package com.rabaislocal.sdk.core.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service client at the wire: the exact request it sends (method, path, query, headers, body, User-Agent), what
 * it makes of answers (request id, bound JSON, an unread stream), derived clients sharing one connection pool, and a
 * closed client refusing calls.
 */
class ServiceClientTest {

    private MockWebServer server;
    private SdkHttpClient transport;
    private RecordingSleeper sleeper;
    private ServiceClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        sleeper = RecordingSleeper.create();
        client = ServiceClient.builder().service("acme").baseUrl(server.url("/v1/")).transport(transport)
                .retryPolicy(sleeper.policy().build()).defaultHeader("Accept", "application/json")
                .defaultHeader("X-Tenant", "rabaislocal").build();
    }

    @AfterEach
    void stop() throws IOException {
        transport.close();
        server.shutdown();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertTrue(r != null, "the server saw no request");
        return r;
    }

    /** An offer as a service returns it. */
    record Offer(long id, String slug, Instant createdAt, Optional<String> note) {
    }

    @Test
    void aJsonPostIsSentExactly() throws InterruptedException {
        server.enqueue(json("{\"id\":1}").setResponseCode(201));

        SdkResponse r = client.execute(SdkRequest.builder("POST", "/offers").query("select", "id,slug")
                .header("Prefer", "return=representation").header("X-Tenant", "override")
                .jsonBody(Map.of("slug", "pizza-2-for-1")).build());

        assertEquals(201, r.status());
        RecordedRequest seen = taken();
        assertEquals("POST", seen.getMethod());
        assertEquals("/v1/offers?select=id%2Cslug", seen.getPath());
        assertEquals("id,slug", seen.getRequestUrl().queryParameter("select"));
        assertEquals("application/json; charset=utf-8", seen.getHeader("Content-Type"));
        assertEquals("{\"slug\":\"pizza-2-for-1\"}", seen.getBody().readUtf8());
        assertEquals("return=representation", seen.getHeader("Prefer"));
        assertEquals("application/json", seen.getHeader("Accept"));
        assertEquals("override", seen.getHeader("X-Tenant"), "a request's own header wins over the default");
        assertEquals(UserAgent.value(), seen.getHeader("User-Agent"));
        assertNull(seen.getHeader("Idempotency-Key"));
    }

    @Test
    void theUserAgentNamesSdkAndJavaVersions() {
        assertTrue(UserAgent.sdkVersion().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
                "the build filled the version in: " + UserAgent.sdkVersion());
        assertEquals("rabaislocal-sdk-java/" + UserAgent.sdkVersion() + " (java " + System.getProperty("java.version")
                + ")", UserAgent.value());
        assertTrue(UserAgent.value().matches("rabaislocal-sdk-java/[^ ]+ \\(java [^)]+\\)"), UserAgent.value());
    }

    @Test
    void bodylessWritesAndReadsAreSentAsSuch() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(new MockResponse().setHeader("X-Total", "12"));

        client.execute(SdkRequest.builder("POST", "/rpc/refresh").build());
        client.execute(SdkRequest.builder("DELETE", "/offers/9").build());
        SdkResponse head = client.execute(SdkRequest.builder("HEAD", "/offers").build());

        RecordedRequest post = taken();
        assertEquals("0", post.getHeader("Content-Length"), "a POST always carries a body, here empty");
        assertEquals(0, post.getBodySize());
        RecordedRequest delete = taken();
        assertEquals("DELETE", delete.getMethod());
        assertEquals(0, delete.getBodySize());
        assertEquals("HEAD", taken().getMethod());
        assertEquals(Optional.of("12"), head.header("x-total"));
        assertTrue(head.isEmpty());
    }

    @Test
    void baseUrlsWithAndWithoutPathResolveTheSame() throws InterruptedException {
        for (String base : List.of(server.url("/").toString(), server.url("/").toString().replaceAll("/$", ""))) {
            server.enqueue(new MockResponse());
            ServiceClient c = client.withOptions(b -> b.baseUrl(base));
            c.execute(SdkRequest.builder("GET", "offers").build());
            assertEquals("/offers", taken().getPath());
        }
        server.enqueue(new MockResponse());
        client.withOptions(b -> b.baseUrl(server.url("/rest/v1").toString()))
                .execute(SdkRequest.builder("GET", "/offers").build());
        assertEquals("/rest/v1/offers", taken().getPath());
        assertEquals(server.url("/v1/offers?id=eq.1"),
                client.url(SdkRequest.builder("GET", "/offers").query("id", "eq.1").build()));
    }

    @Test
    void theRequestIdIsRead() {
        server.enqueue(new MockResponse().setHeader("x-request-id", "3f6c1a"));
        server.enqueue(new MockResponse().setHeader("cf-ray", "8a1b-YUL"));
        server.enqueue(new MockResponse());

        SdkResponse withId = client.execute(SdkRequest.builder("GET", "/a").build());
        assertEquals(Optional.of("3f6c1a"), withId.requestId());
        assertTrue(withId.toString().contains("request id 3f6c1a"), withId.toString());
        assertEquals(Optional.of("8a1b-YUL"), client.execute(SdkRequest.builder("GET", "/a").build()).requestId());
        assertEquals(Optional.empty(), client.execute(SdkRequest.builder("GET", "/a").build()).requestId());
    }

    @Test
    void jsonIsBoundToClassesAndGenericTypes() {
        String offer = "{\"id\":7,\"slug\":\"pizza\",\"createdAt\":\"2025-03-14T12:00:00Z\","
                + "\"note\":null,\"extra\":\"ignored\"}";
        server.enqueue(json(offer));
        server.enqueue(json("[" + offer + "," + offer.replace("\"id\":7", "\"id\":8") + "]"));
        server.enqueue(json(offer));

        Offer one = client.execute(SdkRequest.builder("GET", "/offers/7").build(), Offer.class);
        List<Offer> many = client.execute(SdkRequest.builder("GET", "/offers").build(),
                new TypeReference<List<Offer>>() { });
        SdkResponse whole = client.execute(SdkRequest.builder("GET", "/offers/7").build());

        assertEquals(new Offer(7, "pizza", Instant.parse("2025-03-14T12:00:00Z"), Optional.empty()), one);
        assertEquals(List.of(7L, 8L), many.stream().map(Offer::id).toList());
        assertEquals(one, whole.json(Offer.class));
        assertEquals("pizza", whole.jsonNode().path("slug").asText());
        Map<String, Object> asMap = whole.json(new TypeReference<Map<String, Object>>() { });
        assertTrue(asMap.containsKey("note"));
        assertNull(asMap.get("note"));
        assertEquals("ignored", asMap.get("extra"));
    }

    @Test
    void anEmptyBodyBindsToNull() {
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(json(""));
        server.enqueue(new MockResponse().setResponseCode(204));

        assertNull(client.execute(SdkRequest.builder("DELETE", "/offers/1").build(), Offer.class));
        assertNull(client.execute(SdkRequest.builder("GET", "/offers/1").build(), Offer.class));
        SdkResponse empty = client.execute(SdkRequest.builder("DELETE", "/offers/1").build());
        assertNull(empty.json(Offer.class));
        assertTrue(empty.jsonNode().isMissingNode());
    }

    @Test
    void jsonIsBoundTheSameWhenBodiesAreLogged() {
        SdkHttpClient logging = SdkHttpClient.builder().logBodies(true).build();
        server.enqueue(json("{\"id\":3,\"slug\":\"s\"}"));
        server.enqueue(new MockResponse().setResponseCode(204));
        try (LogCapture logs = LogCapture.sdk(); logging) {
            ServiceClient c = client.withOptions(b -> b.transport(logging));

            assertEquals(3, c.execute(SdkRequest.builder("GET", "/offers/3").build(), Offer.class).id());
            assertNull(c.execute(SdkRequest.builder("GET", "/offers/4").build(), Offer.class));
            assertTrue(logs.text().contains("<-- body (GET /offers/3): {\"id\":3,\"slug\":\"s\"}"), logs.text());
        }
    }

    @Test
    void streamReturnsTheBodyUnread() throws IOException {
        // The connection drops in the middle of the body: stream() must still return, because it reads nothing.
        byte[] big = new byte[256 * 1024];
        Arrays.fill(big, (byte) 'x');
        server.enqueue(new MockResponse().setHeader("x-request-id", "s-1").setBody(new Buffer().write(big))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        try (SdkStreamingResponse s = client.stream(SdkRequest.builder("GET", "/exports/1").build())) {
            assertEquals(200, s.status());
            assertEquals(Optional.of("s-1"), s.requestId());
            assertEquals(Optional.of(String.valueOf(big.length)), s.header("Content-Length"));
            assertThrows(IOException.class, () -> s.body().readAllBytes(), "the body is read by the caller");
        }
        assertEquals(1, server.getRequestCount(), "a failure while the caller reads is not retried behind its back");
    }

    @Test
    void streamDeliversEveryByteAndReleasesTheConnectionOnClose() throws IOException, InterruptedException {
        byte[] big = new byte[512 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        server.enqueue(new MockResponse().setBody(new Buffer().write(big)));
        server.enqueue(new MockResponse().setBody("after"));

        try (SdkStreamingResponse s = client.stream(SdkRequest.builder("GET", "/exports/2").build());
             InputStream in = s.body()) {
            assertArrayEquals(big, in.readAllBytes());
        }
        assertEquals("after", client.execute(SdkRequest.builder("GET", "/next").build()).bodyString());

        assertEquals(0, taken().getSequenceNumber());
        assertEquals(1, taken().getSequenceNumber(), "the closed stream gave its connection back to the pool");
    }

    @Test
    void streamRetriesUntilHeadersArrive() throws IOException {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setBody("ok"));

        try (SdkStreamingResponse s = client.stream(SdkRequest.builder("GET", "/exports/3").build())) {
            assertEquals("ok", new String(s.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(1, sleeper.count());
    }

    @Test
    void derivedClientsShareTheConnectionPool() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("ok"));
        }
        ServiceClient derived = client.withOptions(b -> b.defaultHeader("X-Tenant", "partner"));

        client.execute(SdkRequest.builder("GET", "/a").build());
        derived.execute(SdkRequest.builder("GET", "/b").build());
        client.execute(SdkRequest.builder("GET", "/c").build());

        RecordedRequest a = taken();
        RecordedRequest b = taken();
        RecordedRequest c = taken();
        assertEquals(List.of(0, 1, 2), List.of(a.getSequenceNumber(), b.getSequenceNumber(), c.getSequenceNumber()),
                "all three calls went over one pooled connection");
        assertEquals(1, transport.okHttp().connectionPool().connectionCount());
        assertEquals("rabaislocal", a.getHeader("X-Tenant"));
        assertEquals("partner", b.getHeader("X-Tenant"));
        assertEquals("rabaislocal", c.getHeader("X-Tenant"), "the original client is unchanged");
    }

    @Test
    void toBuilderKeepsEverySetting() throws InterruptedException {
        ServiceClient full = client.withOptions(b -> b.idempotencyKeyHeader("Idempotency-Key")
                .retryCountHeader("X-Retry-Count").sensitiveHeader("X-Signature").requestIdHeaders("x-trace")
                .authenticator((r, rb) -> rb.set("X-Signature", "sig")).timeout(Duration.ofSeconds(5)));
        ServiceClient copy = full.toBuilder().build();
        server.enqueue(new MockResponse().setResponseCode(502));
        server.enqueue(new MockResponse().setHeader("x-trace", "t-1"));

        SdkResponse r = copy.execute(SdkRequest.builder("POST", "/orders").idempotencyKey("o-1").build());

        assertEquals(Optional.of("t-1"), r.requestId());
        assertEquals("acme", copy.service());
        assertEquals(full.baseUrl(), copy.baseUrl());
        assertSame(full.retryPolicy(), copy.retryPolicy());
        assertTrue(copy.sensitiveHeaders().contains("x-signature"));
        taken();
        RecordedRequest retry = taken();
        assertEquals("o-1", retry.getHeader("Idempotency-Key"));
        assertEquals("1", retry.getHeader("X-Retry-Count"));
        assertEquals("sig", retry.getHeader("X-Signature"));
        assertEquals("rabaislocal", retry.getHeader("X-Tenant"));
    }

    @Test
    void theAuthenticatorRunsOnEveryAttemptAndSeesTheRequest() throws InterruptedException {
        int[] calls = {0};
        ServiceClient c = client.withOptions(b -> b.authenticator((request, rb) -> {
            calls[0]++;
            if (request.headers().get("Authorization") == null) {
                rb.set("Authorization", "Bearer service-" + calls[0]);
            }
        }));
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse());
        server.enqueue(new MockResponse());

        c.execute(SdkRequest.builder("GET", "/a").build());
        c.execute(SdkRequest.builder("GET", "/a").header("Authorization", "Bearer user").build());

        assertEquals("Bearer service-1", taken().getHeader("Authorization"));
        assertEquals("Bearer service-2", taken().getHeader("Authorization"));
        assertEquals("Bearer user", taken().getHeader("Authorization"));
        assertEquals(3, calls[0]);
    }

    @Test
    void aClosedClientRefusesCalls() {
        ServiceClient sibling = client.withOptions(b -> b.defaultHeader("X-Sibling", "1"));
        server.enqueue(new MockResponse().setBody("sibling"));

        client.close();
        client.close();

        RabaisSdkException e = assertThrows(RabaisSdkException.class,
                () -> client.execute(SdkRequest.builder("GET", "/a").build()));
        assertTrue(e.getMessage().contains("acme client is closed"), e.getMessage());
        assertThrows(RabaisSdkException.class, () -> client.stream(SdkRequest.builder("GET", "/a").build()));
        assertThrows(RabaisSdkException.class, () -> client.execute(SdkRequest.builder("GET", "/a").build(),
                Offer.class));
        assertEquals(0, server.getRequestCount());
        assertEquals("sibling", sibling.execute(SdkRequest.builder("GET", "/b").build()).bodyString(),
                "the shared transport stays open for other clients");
    }

    @Test
    void buildListsEveryInvalidSetting() {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> ServiceClient.builder().timeout(Duration.ZERO).transport(null).build());
        assertEquals(Set.of("service", "baseUrl", "transport/authenticator/errorParser/retryPolicy", "timeout"),
                missing.fieldErrors().keySet());

        ValidationException badUrl = assertThrows(ValidationException.class,
                () -> ServiceClient.builder().service("acme").baseUrl("ftp://files.acme.example").build());
        assertEquals(List.of("is not an http(s) URL: ftp://files.acme.example"), badUrl.fieldErrors().get("baseUrl"));
        assertTrue(badUrl.getMessage().startsWith("Invalid acme client settings"), badUrl.getMessage());
    }

    @Test
    void theTransportValidatesAndKeepsItsSettings() {
        ValidationException e = assertThrows(ValidationException.class, () -> SdkHttpClient.builder()
                .connectTimeout(Duration.ZERO).readTimeout(null).writeTimeout(Duration.ofSeconds(-1)).build());
        assertEquals(Set.of("connectTimeout", "readTimeout", "writeTimeout"), e.fieldErrors().keySet());

        try (SdkHttpClient t = SdkHttpClient.builder().connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(4)).writeTimeout(Duration.ofSeconds(5)).logBodies(true).build()) {
            assertEquals(3_000, t.okHttp().connectTimeoutMillis());
            assertEquals(4_000, t.okHttp().readTimeoutMillis());
            assertEquals(5_000, t.okHttp().writeTimeoutMillis());
            assertFalse(t.okHttp().retryOnConnectionFailure(), "the SDK's retry layer is the only one");
            SdkHttpClient copy = t.toBuilder().build();
            assertSame(t.okHttp().connectionPool(), copy.okHttp().connectionPool());
            assertTrue(copy.logBodies());
            assertEquals(Duration.ofSeconds(4), copy.readTimeout());
        }
    }

    @Test
    void anInjectedOkHttpClientIsSharedAndLeftToItsOwner() {
        OkHttpClient own = new OkHttpClient();
        SdkHttpClient t = SdkHttpClient.builder().okHttpClient(own).build();

        assertSame(own.connectionPool(), t.okHttp().connectionPool());
        assertSame(own.dispatcher(), t.okHttp().dispatcher());
        t.close();
        assertFalse(own.dispatcher().executorService().isShutdown());
        own.dispatcher().executorService().shutdown();
    }

    @Test
    void theSharedTransportIgnoresClose() {
        SdkHttpClient shared = SdkHttpClient.shared();
        shared.close();

        assertSame(shared, SdkHttpClient.shared());
        assertFalse(shared.okHttp().dispatcher().executorService().isShutdown());
    }

    @Test
    void theRetryPolicyReachesTheClient() {
        RetryPolicy none = RetryPolicy.none();
        server.enqueue(new MockResponse().setResponseCode(503));

        assertThrows(ServerException.class, () -> client.withOptions(b -> b.retryPolicy(none))
                .execute(SdkRequest.builder("GET", "/a").build()));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void debugLinesShowMethodUrlAttemptStatusAndRequestId() {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setHeader("x-request-id", "r-9").setBody("{}"));

        try (LogCapture logs = LogCapture.sdk()) {
            client.execute(SdkRequest.builder("GET", "/offers").query("limit", "5").build(), JsonNode.class);

            List<String> debug = logs.at("DEBUG");
            assertTrue(debug.stream().anyMatch(l -> l.contains("--> GET " + server.url("/v1/offers?limit=5")
                    + " (attempt 1)")), debug.toString());
            assertTrue(debug.stream().anyMatch(l -> l.contains("(attempt 2)")), debug.toString());
            assertTrue(debug.stream().anyMatch(l -> l.contains("<-- 200 GET /v1/offers (")
                    && l.contains("request id r-9")), debug.toString());
        }
    }
}
