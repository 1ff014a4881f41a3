package com.rabaislocal.sdk.make;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A loopback Make API for wire tests: a MockWebServer, a client pointed at it, and a recording sleeper. */
public final class MakeWire implements AutoCloseable {

    /** A token of Make's shape (a UUID). */
    public static final String TOKEN = "5b7c3f1e-9a2d-4e8f-b6c1-0d2e4f6a8b9c";
    /** The team of every test. */
    public static final long TEAM = 42;

    public final MockWebServer server = new MockWebServer();
    public final FakeClock clock = FakeClock.create();
    public final RecordingSleeper sleeper = new RecordingSleeper(clock);
    public final MakeClient client;

    public MakeWire() throws IOException {
        server.start();
        client = MakeClient.builder().baseUrl(server.url("/api/v2").toString()).teamId(TEAM)
                .credential(CredentialProvider.of(TOKEN))
                .retryPolicy(MakeClient.DEFAULT_RETRY_POLICY.toBuilder().sleeper(sleeper).clock(clock).build())
                .build();
    }

    /** @return a JSON answer with Make's usual headers */
    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8")
                .addHeader("x-request-id", "req-1").body(body).build();
    }

    public void enqueue(int code, String body) {
        server.enqueue(json(code, body));
    }

    /** @return the next request, failing after 5 s */
    public RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    /** @return the request body as text */
    public static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
    }

    /** Checks the headers every Make API request carries. */
    public static void assertMakeHeaders(RecordedRequest r) {
        assertEquals("Token " + TOKEN, r.getHeaders().get("Authorization"));
        String agent = r.getHeaders().get("User-Agent");
        if (agent == null || !agent.startsWith("rabaislocal-sdk-java/")) {
            throw new AssertionError("User-Agent is not the SDK's: " + agent);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
