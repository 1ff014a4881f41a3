package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.webhooks.api.ApiRateLimiter;
import com.rabaislocal.sdk.webhooks.auth.MailerSendSignatureAuthenticator;
import com.rabaislocal.sdk.webhooks.jdk.WebhookHttpHandler;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.servlet.ApiRateLimitFilter;
import com.rabaislocal.sdk.webhooks.servlet.WebhookServlet;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The JDK HttpServer adapter on loopback, and the servlet adapters through the servlet API. */
class AdaptersTest {

    private final FakeClock clock = FakeClock.create();

    private WebhookReceiver receiver(StateStore store) {
        return WebhookReceiver.builder().authenticator(MailerSendSignatureAuthenticator.of(
                Secret.of(ReceiverChecksTest.SECRET))).handler(e -> HandlerResult.processed())
                .stateStore(store).rateLimit(RateLimit.perMinute(2)).clock(clock).build();
    }

    @Test
    void jdkHttpServerAnswersTheStandardShapeOnTheWire() throws Exception {
        StateStore store = StateStore.inMemory(clock);
        WebhookReceiver receiver = receiver(store);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhooks/mailersend", new WebhookHttpHandler(receiver));
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/mailersend");
            HttpRequest.Builder signed = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Signature", Signing.mailerSend(ReceiverChecksTest.SECRET, ReceiverChecksTest.BODY))
                    // Sent by an untrusted peer: ignored, the limit counts 127.0.0.1.
                    .header("X-Forwarded-For", "1.2.3.4")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ReceiverChecksTest.BODY));
            HttpResponse<String> ok = http.send(signed.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals("application/json", ok.headers().firstValue("Content-Type").orElseThrow());
            String id = ok.headers().firstValue("X-Request-Id").orElseThrow();
            assertEquals("{\"status\":\"ok\",\"code\":\"accepted\",\"message\":\"delivery accepted\",\"request_id\":\""
                    + id + "\"}", ok.body());
            assertEquals(200, http.send(signed.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> limited = http.send(signed.header("X-Forwarded-For", "5.6.7.8").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode());
            assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(limited.body().contains("\"code\":\"rate_limited\""));
        } finally {
            server.stop(0);
            receiver.close();
            store.close();
        }
    }

    /** A servlet request over fixed values, through a dynamic proxy (no container needed). */
    private static HttpServletRequest request(String method, String uri, String remote, Map<String, String> headers,
            byte[] body) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream sin = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener l) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(AdaptersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> null;
                    case "getRemoteAddr" -> remote;
                    case "getContentLengthLong" -> (long) body.length;
                    case "getInputStream" -> sin;
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaders" -> Collections.enumeration(headers.containsKey((String) args[0])
                            ? List.of(headers.get((String) args[0])) : List.<String>of());
                    default -> null;
                });
    }

    /** A servlet response recording status, headers and body. */
    private static final class Recorded {
        final AtomicInteger status = new AtomicInteger();
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(AdaptersTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status.set((Integer) args[0]);
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "getOutputStream" -> {
                                return out;
                            }
                            default -> {
                            }
                        }
                        return null;
                    });
        }
    }

    @Test
    void servletAndFilter() throws Exception {
        StateStore store = StateStore.inMemory(clock);
        WebhookReceiver receiver = receiver(store);
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Signature",
                Signing.mailerSend(ReceiverChecksTest.SECRET, ReceiverChecksTest.BODY));
        Recorded ok = new Recorded();
        new WebhookServlet(receiver).service(request("POST", "/webhooks/mailersend", "192.0.2.1", headers,
                ReceiverChecksTest.BODY), ok.response());
        assertEquals(200, ok.status.get());
        assertTrue(ok.body.toString().contains("\"code\":\"accepted\""));

        ApiRateLimitFilter filter = new ApiRateLimitFilter(ApiRateLimiter.builder().stateStore(store)
                .defaultLimit(RateLimit.perMinute(1)).build(), ClientIpResolver.direct());
        AtomicBoolean passed = new AtomicBoolean();
        Recorded first = new Recorded();
        filter.doFilter(request("GET", "/api/offers", "192.0.2.2", Map.of(), new byte[0]), first.response(),
                (rq, rs) -> passed.set(true));
        assertTrue(passed.get());
        assertEquals("1", first.headers.get("X-RateLimit-Limit"));
        assertEquals("0", first.headers.get("X-RateLimit-Remaining"));
        passed.set(false);
        Recorded second = new Recorded();
        filter.doFilter(request("GET", "/api/offers", "192.0.2.2", Map.of(), new byte[0]), second.response(),
                (rq, rs) -> passed.set(true));
        assertEquals(false, passed.get());
        assertEquals(429, second.status.get());
        assertEquals("60", second.headers.get("Retry-After"));
        assertTrue(second.body.toString().contains("\"code\":\"rate_limited\""));
        receiver.close();
        store.close();
    }
}
