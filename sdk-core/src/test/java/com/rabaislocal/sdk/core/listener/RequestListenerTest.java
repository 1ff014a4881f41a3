package com.rabaislocal.sdk.core.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.http.RequestAuthenticator;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listeners hear every call: start, retries, the end; with no secret in what they hear. */
class RequestListenerTest {

    private MockWebServer server;
    private SdkHttpClient transport;
    private final List<String> heard = new ArrayList<>();
    private final List<RequestEvent> events = new ArrayList<>();

    private final RequestListener recorder = new RequestListener() {
        @Override
        public void onStart(RequestEvent e) {
            heard.add("start " + e.operation() + " " + e.method() + " " + e.path());
            events.add(e);
        }

        @Override
        public void onRetry(RequestEvent e) {
            heard.add("retry " + e.attempt() + " " + e.status() + " " + e.errorFamily().orElse("") + " "
                    + e.retryDelay().toMillis());
            events.add(e);
        }

        @Override
        public void onSuccess(RequestEvent e) {
            heard.add("success " + e.attempt() + " " + e.status() + " " + e.requestId().orElse("-"));
            events.add(e);
        }

        @Override
        public void onFailure(RequestEvent e, RuntimeException error) {
            heard.add("failure " + e.attempt() + " " + e.status() + " " + e.errorFamily().orElse(""));
            events.add(e);
        }
    };

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

    private ServiceClient client(RequestListener... listeners) {
        ClientOptions.Builder ob = ClientOptions.builder().baseUrl(server.url("/v1").toString()).transport(transport)
                .retryPolicy(RecordingSleeper.create().policy().build());
        for (RequestListener l : listeners) {
            ob.listener(l);
        }
        return ServiceClient.builder().service("acme").options(ob.build())
                .authenticator(RequestAuthenticator.bearer(CredentialProvider.of("sk-acme-secret-value"))).build();
    }

    @Test
    void aCallWithOneRetryIsHeardInOrder() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "1").body("{}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-request-id", "req-2").body("{}").build());

        client(recorder).execute(SdkRequest.builder("GET", "/offers/42").operation("offers.get").build());

        assertEquals(List.of("start offers.get GET /v1/offers/42", "retry 1 503 ServerException 1000",
                "success 2 200 req-2"), heard);
        assertTrue(events.get(2).succeeded());
        assertFalse(events.get(2).elapsed().isNegative());
        for (RequestEvent e : events) {
            assertFalse(e.toString().contains("sk-acme"), e.toString());
        }
    }

    @Test
    void aFailedCallIsHeardWithItsFamilyAndTheDefaultOperationName() {
        server.enqueue(new MockResponse.Builder().code(404).body("{\"message\":\"gone\"}").build());
        assertThrows(NotFoundException.class,
                () -> client(recorder).execute(SdkRequest.builder("GET", "/offers/7").build()));
        assertEquals(List.of("start GET offers GET /v1/offers/7", "failure 1 404 NotFoundException"), heard);
    }

    @Test
    void aListenerThatThrowsChangesNothing() {
        RequestListener broken = new RequestListener() {
            @Override
            public void onStart(RequestEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onSuccess(RequestEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());
        Map<?, ?> answer = client(broken, recorder).execute(SdkRequest.builder("GET", "/ping").build(), Map.class);
        assertEquals(Boolean.TRUE, answer.get("ok"));
        assertEquals(2, heard.size(), "the second listener still hears start and success");
    }

    @Test
    void theDeadlineFromTheOptionsBoundsTheCall() {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(3, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        ServiceClient c = client(recorder).withOptions(b -> b.deadline(Duration.ofMillis(300)));
        assertThrows(com.rabaislocal.sdk.core.error.RequestTimeoutException.class,
                () -> c.execute(SdkRequest.builder("GET", "/slow").build()));
        assertEquals("failure 1 0 RequestTimeoutException", heard.get(heard.size() - 1));
    }
}
