package com.rabaislocal.sdk.webhooks.jdk;

import com.rabaislocal.sdk.webhooks.StandardResponse;
import com.rabaislocal.sdk.webhooks.WebhookReceiver;
import com.rabaislocal.sdk.webhooks.WebhookRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JDK {@code HttpServer} adapter: {@code server.createContext("/webhooks/mailersend", new
 * WebhookHttpHandler(receiver))}. The peer address is the connection's; see
 * {@link com.rabaislocal.sdk.webhooks.ClientIpResolver} for proxies.
 */
public final class WebhookHttpHandler implements HttpHandler {

    private final WebhookReceiver receiver;

    /**
     * @param receiver the receiver; the handler does not close it
     */
    public WebhookHttpHandler(WebhookReceiver receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            long contentLength;
            try {
                contentLength = length == null ? -1 : Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                contentLength = -1;
            }
            WebhookRequest.Builder b = WebhookRequest.builder()
                    .method(exchange.getRequestMethod())
                    .path(exchange.getRequestURI().getRawPath())
                    .rawQuery(exchange.getRequestURI().getRawQuery())
                    .peerAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .body(exchange.getRequestBody(), contentLength);
            for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
                for (String v : h.getValue()) {
                    b.header(h.getKey(), v);
                }
            }
            StandardResponse answer = receiver.handle(b.build());
            byte[] body = answer.body();
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
