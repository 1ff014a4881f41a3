package com.rabaislocal.sdk.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.HttpUrl;

/**
 * A PostgREST look-alike on {@code 127.0.0.1} (ephemeral port) serving the {@code offers} table, so a benchmark
 * measures the client side of a call and not a network: {@code GET /rest/v1/offers?id=eq.1} answers one offer
 * ({@link #OFFER_JSON}), {@code POST /rest/v1/offers} answers 201 with the posted JSON echoed back (as
 * {@code Prefer: return=representation} would). Requests without the expected {@code apikey} header get
 * PostgREST's 401 body; anything else a 404. Keep-alive is on (every answer has a Content-Length).
 *
 * <p>The JDK server delays small writes (Nagle) unless the JVM runs with {@code -Dsun.net.httpserver.nodelay=true};
 * without it every call waits for a delayed ACK (about 40 ms on Linux). {@link #start(String)} sets the property
 * when it is absent, which only helps if no JDK HTTP server was created earlier in the JVM.
 */
public final class LoopbackOfferServer implements AutoCloseable {

    /** The path of the offers table. */
    public static final String OFFERS_PATH = "/rest/v1/offers";

    /** The raw query {@code GET} must carry to find offer 1. */
    public static final String OFFER_1_QUERY = "id=eq.1";

    /** Offer 1 as the server sends it, UTF-8 on the wire. */
    public static final String OFFER_JSON = "{\"id\":1,"
            + "\"merchant_id\":\"6f1c2e4a-8b3d-4c5e-9a7f-1b2c3d4e5f60\","
            + "\"title\":\"Café du Marché : 2 croissants pour 1\","
            + "\"description\":\"Boulangerie artisanale du Vieux-Québec — offre valable en semaine, avant 11 h. "
            + "Non cumulable avec d'autres promotions; présentez le coupon à la caisse.\","
            + "\"discount\":50.00,"
            + "\"starts_at\":\"2025-06-01T07:00:00-04:00\","
            + "\"ends_at\":\"2025-06-30T23:59:59-04:00\","
            + "\"status\":\"active\","
            + "\"city\":\"Québec\"}";

    private static final byte[] OFFER = OFFER_JSON.getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_KEY = ("{\"code\":\"PGRST301\",\"details\":null,\"hint\":null,"
            + "\"message\":\"No API key found in request\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND = ("{\"code\":\"PGRST205\",\"details\":null,\"hint\":null,"
            + "\"message\":\"Could not find the resource in the schema cache\"}").getBytes(StandardCharsets.UTF_8);
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String apiKey;
    private final LongAdder requests = new LongAdder();

    private LoopbackOfferServer(HttpServer server, ExecutorService executor, String apiKey) {
        this.server = server;
        this.executor = executor;
        this.apiKey = apiKey;
    }

    /**
     * Starts a server on {@code 127.0.0.1} and an ephemeral port, answering on two daemon threads.
     *
     * @param apiKey the {@code apikey} header value requests must carry
     * @return the running server; close it
     * @throws IOException when the port cannot be bound
     */
    public static LoopbackOfferServer start(String apiKey) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "loopback-offers-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        LoopbackOfferServer s = new LoopbackOfferServer(http, pool, apiKey);
        http.createContext("/", s::handle);
        http.setExecutor(pool);
        http.start();
        return s;
    }

    /** @return the server's base URL, e.g. {@code http://127.0.0.1:41234/} */
    public HttpUrl baseUrl() {
        return new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(server.getAddress().getPort()).build();
    }

    /** @return the port the server listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return how many requests were answered so far, whatever their status */
    public long requestCount() {
        return requests.sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] in;
            try (InputStream body = exchange.getRequestBody()) {
                in = body.readAllBytes();
            }
            requests.increment();
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("apikey"))) {
                respond(exchange, 401, NO_KEY);
            } else if (!OFFERS_PATH.equals(uri.getPath())) {
                respond(exchange, 404, NOT_FOUND);
            } else if ("GET".equals(method) && OFFER_1_QUERY.equals(uri.getRawQuery())) {
                respond(exchange, 200, OFFER);
            } else if ("POST".equals(method) && in.length > 0) {
                respond(exchange, 201, in);
            } else {
                respond(exchange, 404, NOT_FOUND);
            }
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Stops listening at once and ends the server's threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
