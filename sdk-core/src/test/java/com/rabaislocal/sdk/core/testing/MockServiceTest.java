package com.rabaislocal.sdk.core.testing;

import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for tests that drive a {@link ServiceClient} against a {@link MockWebServer}: each test gets a started
 * server, its own transport and a {@link RecordingSleeper}, all closed after the test.
 */
public abstract class MockServiceTest {

    /** The server the client under test talks to; started before each test. */
    protected MockWebServer server;
    /** A transport with the SDK's defaults, private to the test. */
    protected SdkHttpClient transport;
    /** Records the waits between attempts and advances its fake clock by them. */
    protected RecordingSleeper sleeper;

    /**
     * Starts the server and creates the transport and the sleeper.
     *
     * @throws IOException when the server cannot start
     */
    @BeforeEach
    protected void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        sleeper = RecordingSleeper.create();
    }

    /**
     * Closes the transport and shuts the server down.
     *
     * @throws IOException when the server cannot shut down
     */
    @AfterEach
    protected void stopServer() throws IOException {
        transport.close();
        server.shutdown();
    }

    /**
     * Builds the client of a service named {@code acme} rooted at the server, with the given retry policy.
     *
     * @param policy usually {@code sleeper.policy()} with the settings under test
     * @return the client
     */
    protected ServiceClient client(RetryPolicy.Builder policy) {
        return ServiceClient.builder().service("acme").baseUrl(server.url("/")).transport(transport)
                .retryPolicy(policy.build()).build();
    }
}
