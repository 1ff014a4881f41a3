package com.rabaislocal.sdk.supabase.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.http.SdkHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the Auth client tests: a started GoTrue stand-in, a transport with body logging on (so the tests prove
 * the Auth clients turn it off), and the retry waits recorded instead of slept. Subclasses build their client in
 * their own {@code @BeforeEach}, which runs after this one, and close it in an {@code @AfterEach}, which runs
 * before the server stops.
 */
abstract class AuthWireTest {

    MockWebServer server;
    SdkHttpClient transport;
    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().logBodies(true).build();
    }

    @AfterEach
    void stopServer() throws IOException {
        transport.close();
        server.shutdown();
    }

    /** @return the project URL the client under test is given */
    String projectUrl() {
        return server.url("/").toString();
    }

    /** Checks what every Auth request carries: the key as {@code apikey}, the API version and the client info. */
    static void assertGoTrueHeaders(RecordedRequest r, String key) {
        assertEquals(key, r.getHeader("apikey"));
        assertEquals("2024-01-01", r.getHeader("X-Supabase-Api-Version"));
        assertTrue(r.getHeader("X-Client-Info").startsWith("rabaislocal-sdk-java/"), r.getHeader("X-Client-Info"));
    }
}
