package com.rabaislocal.sdk.core.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit's SSE stream at the wire, on recorded-shape streams. */
class SseStreamTest {

    private MockWebServer server;
    private SdkHttpClient transport;
    private ServiceClient client;
    private RecordingSleeper sleeper;

    /** A mid-stream error a module would raise for {@code data: {"error": ...}}. */
    static final class StreamErrorException extends RabaisSdkException {
        private static final long serialVersionUID = 1L;

        StreamErrorException(String message) {
            super(message);
        }
    }

    /** Decodes like a module: errors throw, keep-alives are skipped, {@code [DONE]} ends. */
    private static final SseDecoder<String> DECODER = e -> {
        if (e.data().startsWith("{\"error\"")) {
            throw new StreamErrorException("the stream reported an error: " + e.data());
        }
        if ("keepalive".equals(e.type())) {
            return null;
        }
        return (e.type() == null ? "" : e.type() + ":") + e.data();
    };

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        sleeper = RecordingSleeper.create();
        client = ServiceClient.builder().service("acme").baseUrl(server.url("/v1/")).transport(transport)
                .retryPolicy(sleeper.policy().build()).build();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .addHeader("x-request-id", "req-sse-1").body(body).build();
    }

    private SdkRequest post() {
        return SdkRequest.builder("POST", "/chat/completions").jsonBody(java.util.Map.of("stream", true))
                .operation("chat.stream").build();
    }

    @Test
    void parsesCommentsEventLinesIdsAndMultiLineDataUntilDone() throws Exception {
        server.enqueue(sse(": a comment the parser drops\n\n"
                + "data: {\"n\":1}\n\n"
                + "event: response.output_text.delta\nid: 7\ndata: first line\ndata: second line\n\n"
                + "event: keepalive\ndata: {}\n\n"
                + "data:no-space\n\n"
                + "data: [DONE]\n\n"
                + "data: never read\n\n"));

        List<String> seen = new ArrayList<>();
        try (SseStream<String> stream = client.events(post(), DECODER, Duration.ofSeconds(5))) {
            stream.forEachRemaining(seen::add);
            assertEquals("req-sse-1", stream.requestId().orElseThrow());
            assertEquals("text/event-stream", stream.header("content-type").orElseThrow());
            assertTrue(stream.header("x-absent").isEmpty());
            assertEquals(5, stream.eventsRead(), "the keep-alive and [DONE] are read too, but not handed out");
        }

        assertEquals(List.of("{\"n\":1}", "response.output_text.delta:first line\nsecond line", "no-space"), seen);
        RecordedRequest r = server.takeRequest();
        assertEquals("text/event-stream", r.getHeaders().get("Accept"));
        assertEquals("/v1/chat/completions", r.getUrl().encodedPath());
    }

    @Test
    void rawEventsKeepTheirFields() {
        server.enqueue(sse("event: ping\nid: 42\ndata: hello\n\n"));
        try (SseStream<ServerSentEvent> stream = client.events(post(), SseDecoder.raw(), Duration.ofSeconds(5))) {
            ServerSentEvent e = stream.next();
            assertEquals("ping", e.eventType().orElseThrow());
            assertEquals("42", e.eventId().orElseThrow());
            assertEquals("hello", e.data());
            assertFalse(e.toString().contains("hello"), "data stays out of toString");
            assertFalse(stream.hasNext());
        }
    }

    @Test
    void anErrorEventAfterA200IsTheDecodersTypedExceptionAndEndsTheStream() {
        server.enqueue(sse("data: {\"delta\":\"Bon\"}\n\n"
                + "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}\n\n"
                + "data: {\"delta\":\"jour\"}\n\n"));

        SseStream<String> stream = client.events(post(), DECODER, Duration.ofSeconds(5));
        assertEquals("{\"delta\":\"Bon\"}", stream.next());
        StreamErrorException e = assertThrows(StreamErrorException.class, stream::hasNext);
        assertTrue(e.getMessage().contains("server_error"), e.getMessage());
        assertFalse(stream.hasNext(), "the stream is over after an error event");
        stream.close();
        assertEquals(1, server.getRequestCount(), "nothing is retried once an event was handed out");
    }

    @Test
    void aStreamThatGoesSilentPastTheSilenceLimitFailsWithATimeout() {
        // The first event comes at once; the rest only after 5 s, far past the 300 ms silence limit.
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body("data: one\n\n" + "x".repeat(64 * 1024) + "\n\ndata: two\n\n")
                .throttleBody(16, 5, TimeUnit.SECONDS).build());

        try (SseStream<String> stream = client.events(post(), DECODER, Duration.ofMillis(300))) {
            RequestTimeoutException e = assertThrows(RequestTimeoutException.class, () -> {
                while (stream.hasNext()) {
                    stream.next();
                }
            });
            assertTrue(e.getMessage().contains("no event for 300 ms"), e.getMessage());
        }
        assertEquals(0, sleeper.count(), "a stream is never retried");
    }

    @Test
    void aCutConnectionMidStreamIsATransportFailureAndIsNotRetried() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = peer.accept()) {
                    connections.incrementAndGet();
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    // Promises 10,000 bytes, sends one event, then drops the connection.
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 10000\r\n\r\n"
                            + "data: only\n\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException ignored) {
                    // the test asserts on the client side
                }
            });
            t.start();
            ServiceClient c = client.withOptions(b -> b.baseUrl("http://127.0.0.1:" + peer.getLocalPort() + "/v1/"));
            try (SseStream<String> stream = c.events(post(), DECODER, Duration.ofSeconds(5))) {
                assertEquals("only", stream.next());
                TransportException e = assertThrows(TransportException.class, stream::hasNext);
                assertTrue(e.getMessage().contains("the stream broke after 1 events"), e.getMessage());
            }
            t.join(5000);
        }
        assertEquals(1, connections.get());
        assertEquals(0, sleeper.count());
    }

    @Test
    void anErrorStatusBeforeTheStreamIsTheParsersExceptionAndA503IsRetriedBeforeAnyEvent() {
        server.enqueue(new MockResponse.Builder().code(503).body("{\"message\":\"busy\"}").build());
        server.enqueue(sse("data: after retry\n\n"));
        try (SseStream<String> stream = client.events(post().toBuilder().repeatable(true).build(), DECODER,
                Duration.ofSeconds(5))) {
            assertEquals(List.of("after retry"), stream.stream().collect(Collectors.toList()));
        }
        assertEquals(2, server.getRequestCount());

        server.enqueue(new MockResponse.Builder().code(404).body("{\"message\":\"no such model\"}").build());
        ApiException e = assertThrows(ApiException.class, () -> client.events(post(), DECODER,
                Duration.ofSeconds(5)));
        assertInstanceOf(NotFoundException.class, e);
        assertEquals("no such model", e.serviceMessage());
    }

    @Test
    void closingCancelsAStreamThatIsWaiting() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body("data: first\n\n" + "y".repeat(64 * 1024)).throttleBody(16, 10, TimeUnit.SECONDS).build());
        SseStream<String> stream = client.events(post(), DECODER, Duration.ofSeconds(30));
        assertEquals("first", stream.next());
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            stream.close();
        });
        closer.start();
        RabaisSdkException e = assertThrows(RabaisSdkException.class, stream::hasNext);
        assertTrue(e.getMessage().contains("closed") || e instanceof TransportException, e.getMessage());
        closer.join();
        assertFalse(stream.hasNext(), "a closed stream has nothing more");
        assertThrows(java.util.NoSuchElementException.class, stream::next);
    }

    @Test
    void aNonPositiveSilenceLimitIsRefusedBeforeAnyRequest() {
        assertThrows(com.rabaislocal.sdk.core.error.ValidationException.class,
                () -> client.events(post(), DECODER, Duration.ZERO));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theDecoderSeesApiErrorsAsTheKitBuildsThem() {
        // An error answer keeps the request id for the caller even on the streaming path.
        server.enqueue(new MockResponse.Builder().code(400).addHeader("x-request-id", "req-400")
                .body("{\"error\":{\"message\":\"bad\",\"code\":\"invalid\"}}").build());
        ApiException e = assertThrows(ApiException.class, () -> client.events(post(), DECODER,
                Duration.ofSeconds(5)));
        ApiError error = e.error();
        assertEquals("req-400", error.requestId().orElseThrow());
        assertEquals("invalid", error.code().orElseThrow());
    }
}
