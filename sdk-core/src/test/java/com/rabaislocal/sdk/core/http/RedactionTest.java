package com.rabaislocal.sdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No credential ever appears in a log line (DEBUG on, bodies logged or not), an exception message or a
 * {@code toString()}, while the redaction marker shows where one was. Each secret is first proven to have reached the
 * server, so its absence from the logs is redaction, not omission.
 */
class RedactionTest {

    private static final String SERVICE_KEY = "eyJhbGciOiJIUzI1NiJ9.c2VydmljZV9yb2xl.TOPSECRET-service-sig";
    private static final String API_KEY = "sb_secret_TOPSECRET_apikey_9f8e7d";
    private static final String SIGNATURE = "acme-sig-TOPSECRET-3c2b1a";
    private static final String QUERY_TOKEN = "qtok-TOPSECRET-4d5e6f";
    private static final String USER_JWT = "eyJ1c2VyIjoiY2xpZW50In0.TOPSECRET-user-jwt";
    private static final String COOKIE = "sess-TOPSECRET-cookie-77";
    private static final List<String> SECRETS = List.of(SERVICE_KEY, API_KEY, SIGNATURE, QUERY_TOKEN, USER_JWT,
            COOKIE);
    private static final String MARK = SensitiveHeaders.REDACTED;

    private MockWebServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        server.shutdown();
    }

    /** A client authenticated the way service modules do: a bearer (unless the call carries a user's), a key, and a
     * module-specific signature header registered as sensitive. */
    private ServiceClient client(boolean logBodies) {
        SdkHttpClient transport = SdkHttpClient.builder().logBodies(logBodies).build();
        toClose.add(transport);
        CredentialProvider serviceKey = CredentialProvider.of(SERVICE_KEY);
        Secret apiKey = Secret.of(API_KEY);
        Secret signature = Secret.of(SIGNATURE);
        return ServiceClient.builder().service("acme").baseUrl(server.url("/v1/")).transport(transport)
                .retryPolicy(RecordingSleeper.create().policy().build())
                .authenticator((request, builder) -> {
                    if (request.headers().get("Authorization") == null) {
                        builder.set("Authorization", "Bearer " + serviceKey.current().reveal());
                    }
                    builder.set("apikey", apiKey.reveal());
                    builder.set("X-Acme-Signature", signature.reveal());
                })
                .sensitiveHeader("X-Acme-Signature")
                .build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setHeader("x-request-id", "rq-1")
                .addHeader("Set-Cookie", "session=" + COOKIE + "; Path=/; HttpOnly").setBody(body);
    }

    private static void assertClean(String where, String text) {
        for (String s : SECRETS) {
            assertFalse(text.contains(s), where + " leaks a secret: " + text);
        }
    }

    @ParameterizedTest(name = "logBodies={0}")
    @ValueSource(booleans = {false, true})
    void noSecretInAnyLogLineWhileTheMarkerShows(boolean logBodies) throws Exception {
        ServiceClient client = client(logBodies);
        server.enqueue(ok("{\"id\":1,\"name\":\"Pizza 2 for 1\"}"));
        server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"message\":\"busy\"}"));
        server.enqueue(ok("[{\"id\":1}]"));
        server.enqueue(new MockResponse().setResponseCode(401).addHeader("Set-Cookie", "session=" + COOKIE)
                .setBody("{\"message\":\"Invalid API key\",\"hint\":\"Double check your key\"}"));
        server.enqueue(ok("streamed body"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        List<String> messages = new ArrayList<>();
        try (LogCapture logs = LogCapture.sdk()) {
            client.execute(SdkRequest.builder("POST", "/offers").query("token", QUERY_TOKEN)
                    .query("select", "id,name").jsonBody(Map.of("name", "Pizza 2 for 1")).build());
            client.execute(SdkRequest.builder("GET", "/offers").header("Authorization", "Bearer " + USER_JWT)
                    .query("apikey", QUERY_TOKEN).build(), Object.class);
            ApiException auth = assertThrows(AuthenticationException.class,
                    () -> client.execute(SdkRequest.builder("GET", "/me").build()));
            messages.add(auth.getMessage());
            messages.add(auth.error().toString());
            messages.add(auth.error().headers().toString());
            assertEquals("ApiError{service=acme, httpStatus=401, message=Invalid API key, call=GET /v1/me, "
                    + "retryable=false}", auth.error().toString());
            try (SdkStreamingResponse s = client.stream(SdkRequest.builder("GET", "/export").build());
                 InputStream in = s.body()) {
                assertEquals("streamed body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            TransportException dropped = assertThrows(TransportException.class,
                    () -> client.execute(SdkRequest.builder("POST", "/orders").jsonBody(Map.of()).build()));
            messages.add(dropped.getMessage());

            String text = logs.text();
            assertClean("the log", text);
            assertClean("an exception", String.join("\n", messages));

            // Something was logged, and the marker stands where each credential was.
            assertFalse(logs.at("DEBUG").isEmpty());
            assertEquals(1, logs.at("WARN").size(), "the 503 retry");
            assertTrue(text.contains("Authorization: " + MARK), text);
            assertTrue(text.contains("apikey: " + MARK), text);
            assertTrue(text.contains("X-Acme-Signature: " + MARK), text);
            assertTrue(text.contains("Set-Cookie: " + MARK), text);
            assertTrue(text.contains("token=" + MARK), "credential-like query values are masked: " + text);
            assertTrue(text.contains("apikey=" + MARK), text);
            assertTrue(text.contains("select=id%2Cname"), "other query values stay readable: " + text);
            assertEquals(logBodies, text.contains("Pizza 2 for 1"), "bodies are logged only when asked");
            assertEquals(logBodies, text.contains("Invalid API key"), "error bodies too");
        }

        // The secrets did reach the server: the log is clean because it redacts, not because it omits.
        RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("Bearer " + SERVICE_KEY, first.getHeader("Authorization"));
        assertEquals(API_KEY, first.getHeader("apikey"));
        assertEquals(SIGNATURE, first.getHeader("X-Acme-Signature"));
        assertEquals(QUERY_TOKEN, first.getRequestUrl().queryParameter("token"));
        RecordedRequest second = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("Bearer " + USER_JWT, second.getHeader("Authorization"));
    }

    @Test
    void toStringsNeverShowSecrets() {
        ServiceClient client = client(true);
        SdkRequest request = SdkRequest.builder("POST", "/offers").header("Authorization", "Bearer " + USER_JWT)
                .query("apikey", QUERY_TOKEN).body("password=" + API_KEY, "application/x-www-form-urlencoded")
                .idempotencyKey("k-1").build();
        SdkHttpClient transport = SdkHttpClient.builder().logBodies(true).build();
        toClose.add(transport);

        List<String> shown = List.of(client.toString(), request.toString(), transport.toString(),
                Secret.of(SERVICE_KEY).toString(), String.valueOf(Secret.of(API_KEY)),
                client.sensitiveHeaders().toString(), client.retryPolicy().toString());

        for (String s : shown) {
            assertClean("a toString", s);
        }
        assertEquals("Secret[redacted]", Secret.of(SERVICE_KEY).toString());
        assertTrue(request.toString().contains("POST /offers"), request.toString());
        assertTrue(client.toString().contains("acme"), client.toString());
    }

    @Test
    void aRotatedKeyIsUsedAndNeverLogged() throws Exception {
        String[] current = {"rot-TOPSECRET-old"};
        SdkHttpClient transport = SdkHttpClient.builder().build();
        toClose.add(transport);
        CredentialProvider rotating = () -> Secret.of(current[0]);
        ServiceClient client = ServiceClient.builder().service("acme").baseUrl(server.url("/")).transport(transport)
                .authenticator((r, b) -> b.set("x-api-key", rotating.current().reveal())).build();
        server.enqueue(ok("{}"));
        server.enqueue(ok("{}"));

        try (LogCapture logs = LogCapture.sdk()) {
            client.execute(SdkRequest.builder("GET", "/a").build());
            current[0] = "rot-TOPSECRET-new";
            client.execute(SdkRequest.builder("GET", "/a").build());

            assertFalse(logs.text().contains("TOPSECRET"), logs.text());
            assertTrue(logs.text().contains("x-api-key: " + MARK), logs.text());
        }
        assertEquals("rot-TOPSECRET-old", server.takeRequest(1, TimeUnit.SECONDS).getHeader("x-api-key"));
        assertEquals("rot-TOPSECRET-new", server.takeRequest(1, TimeUnit.SECONDS).getHeader("x-api-key"));
    }

    @Test
    void everyDefaultCredentialHeaderIsRedacted() {
        okhttp3.Headers h = new okhttp3.Headers.Builder().add("Authorization", "Bearer a")
                .add("Proxy-Authorization", "Basic b").add("Cookie", "c=d").add("Set-Cookie", "e=f")
                .add("apikey", "g").add("api-key", "h").add("X-API-KEY", "i").add("X-GOAFFPRO-ACCESS-TOKEN", "j")
                .add("x-goaffpro-public-token", "k").add("Accept", "application/json").build();

        String rendered = SensitiveHeaders.defaults().render(h);

        assertEquals("Authorization: ██, Proxy-Authorization: ██, Cookie: ██, Set-Cookie: ██, apikey: ██, "
                + "api-key: ██, X-API-KEY: ██, X-GOAFFPRO-ACCESS-TOKEN: ██, x-goaffpro-public-token: ██, "
                + "Accept: application/json", rendered);
        assertTrue(SensitiveHeaders.defaults().with("X-Acme-Signature").contains("x-acme-signature"));
        assertFalse(SensitiveHeaders.defaults().contains("x-acme-signature"), "with() returns a new set");
    }

    @Test
    void aNoRetryPolicyStillRedacts() throws Exception {
        ServiceClient client = client(false).withOptions(b -> b.retryPolicy(RetryPolicy.none()));
        server.enqueue(new MockResponse().setResponseCode(500));

        try (LogCapture logs = LogCapture.sdk()) {
            ApiException e = assertThrows(ApiException.class,
                    () -> client.execute(SdkRequest.builder("GET", "/x").build()));
            assertClean("an exception", e.getMessage());
            assertClean("the log", logs.text());
            assertTrue(logs.text().contains("apikey: " + MARK), logs.text());
        }
    }
}
