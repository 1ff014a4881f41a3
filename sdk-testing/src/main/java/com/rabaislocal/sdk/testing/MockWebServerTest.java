package com.rabaislocal.sdk.testing;

import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for JUnit 5 tests of code that calls a service through an SDK client, at the wire: each test gets a started
 * {@link MockWebServer} (OkHttp's mockwebserver3), its own {@link SdkHttpClient transport} and a {@link
 * RecordingSleeper}, so retries are instant yet recorded. Everything is closed after the test.
 *
 * <pre>{@code
 * class OfferSyncTest extends MockWebServerTest {
 *     @Test
 *     void retriesA503() throws Exception {
 *         enqueue(503, "{\"message\":\"busy\"}");
 *         enqueueJson(200, "[]");
 *         GoAffProClient client = GoAffProClient.builder().baseUrl(baseUrl("/v1")).credential(token)
 *                 .transport(transport).retryPolicy(retryPolicy().build()).build();
 *         // ... call the code under test ...
 *         assertEquals(1, sleeper.count());
 *         assertEquals("/v1/admin/affiliates", takeRequest().getUrl().encodedPath());
 *     }
 * }
 * }</pre>
 */
public abstract class MockWebServerTest {

    /** How long {@link #takeRequest()} waits for a request unless {@link #takeTimeout()} says otherwise. */
    public static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(5);

    /** The server the client under test talks to; started before each test, closed after it. */
    protected MockWebServer server;
    /** A transport with the SDK's defaults, private to the test; closed after it. */
    protected SdkHttpClient transport;
    /** Records the waits between attempts and advances {@link #clock()} by them; never sleeps. */
    protected RecordingSleeper sleeper;

    /** Creates the test; the server starts in {@link #startServer()}. */
    protected MockWebServerTest() {
    }

    /**
     * Starts the server and creates the transport and the sleeper.
     *
     * @throws IOException when the server cannot listen on a local port
     */
    @BeforeEach
    protected void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        sleeper = RecordingSleeper.create();
    }

    /** Closes the transport and the server. */
    @AfterEach
    protected void stopServer() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * Returns the URL of a path on the server, to give a client as its base URL.
     *
     * @param path for example {@code /v1} or {@code /}
     * @return {@code http://127.0.0.1:<port><path>}
     */
    protected String baseUrl(String path) {
        return server.url(path).toString();
    }

    /**
     * Returns the fake clock the sleeper advances; give it to the code under test so deadlines and
     * {@code Retry-After} dates follow the recorded waits.
     *
     * @return the clock, starting at {@link FakeClock#DEFAULT_START}
     */
    protected FakeClock clock() {
        return sleeper.clock();
    }

    /**
     * Starts a retry policy with the SDK's defaults that waits through {@link #sleeper} and reads {@link #clock()}.
     *
     * @return a policy builder; change what the test needs and {@code build()} it
     */
    protected RetryPolicy.Builder retryPolicy() {
        return sleeper.policy();
    }

    /**
     * Queues a JSON answer ({@code Content-Type: application/json}).
     *
     * @param status the HTTP status
     * @param json the body
     */
    protected void enqueueJson(int status, String json) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(json).build());
    }

    /**
     * Queues an answer with a status and a plain body.
     *
     * @param status the HTTP status
     * @param body the body, sent as {@code text/plain}
     */
    protected void enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "text/plain")
                .body(body).build());
    }

    /**
     * Returns how long {@link #takeRequest()} waits; override to change it.
     *
     * @return {@link #DEFAULT_TAKE_TIMEOUT}, 5 seconds
     */
    protected Duration takeTimeout() {
        return DEFAULT_TAKE_TIMEOUT;
    }

    /**
     * Takes the next request the server received, waiting up to {@link #takeTimeout()}.
     *
     * @return the request
     * @throws AssertionError when no request arrived in time
     * @throws InterruptedException when the test thread is interrupted while waiting
     */
    protected RecordedRequest takeRequest() throws InterruptedException {
        Duration timeout = takeTimeout();
        RecordedRequest r = server.takeRequest(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the server within " + timeout.toMillis() + " ms");
        }
        return r;
    }
}
