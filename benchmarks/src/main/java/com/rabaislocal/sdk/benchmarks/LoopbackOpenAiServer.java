package com.rabaislocal.sdk.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI look-alike on {@code 127.0.0.1} (ephemeral port) for the chat benchmarks: {@code POST
 * /v1/chat/completions} answers one fixed completion ({@link #COMPLETION_JSON}), or, when the body asks
 * {@code "stream": true}, a prebuilt event stream of {@link #STREAM_DELTAS} content deltas, the usage chunk and
 * {@code [DONE]}. Requests without the expected {@code Authorization} get OpenAI's 401 body. Keep-alive is on.
 *
 * <p>Run the JVM with {@code -Dsun.net.httpserver.nodelay=true} (the JDK server delays small writes otherwise).
 */
public final class LoopbackOpenAiServer implements AutoCloseable {

    /** How many content deltas a stream carries. */
    public static final int STREAM_DELTAS = 10_000;

    /** The completion every non-streaming call gets. */
    public static final String COMPLETION_JSON = "{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\","
            + "\"object\":\"chat.completion\",\"created\":1741569952,\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Voici trois rabais à "
            + "Québec : croissants -30 %, café filtre à moitié prix et bagels 6 pour 5. Bonne visite !\","
            + "\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":48,\"completion_tokens\":31,\"total_tokens\":79,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":"
            + "{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,"
            + "\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\",\"system_fingerprint\":\"fp_06737a9306\"}";

    private static final byte[] COMPLETION = COMPLETION_JSON.getBytes(StandardCharsets.UTF_8);
    private static final byte[] STREAM = stream();
    private static final byte[] UNAUTHORIZED = ("{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":"
            + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] STREAM_MARKER = "\"stream\":true".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String authorization;

    private LoopbackOpenAiServer(String apiKey) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.authorization = "Bearer " + apiKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "loopback-openai");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /**
     * Starts the server.
     *
     * @param apiKey the only key accepted
     * @return the running server
     * @throws IOException when no port can be bound
     */
    public static LoopbackOpenAiServer start(String apiKey) throws IOException {
        return new LoopbackOpenAiServer(apiKey);
    }

    /** @return the base URL, version path included, e.g. {@code http://127.0.0.1:40123/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static byte[] stream() {
        StringBuilder sb = new StringBuilder(STREAM_DELTAS * 230);
        String head = "data: {\"id\":\"chatcmpl-stream\",\"object\":\"chat.completion.chunk\",\"created\":1741571000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[";
        sb.append(head).append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"a1\"}\n\n");
        for (int i = 0; i < STREAM_DELTAS; i++) {
            sb.append(head).append("{\"index\":0,\"delta\":{\"content\":\"mot").append(i % 10)
                    .append(" \"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x")
                    .append(i % 7).append("\"}\n\n");
        }
        sb.append(head).append("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":null}\n\n");
        sb.append("data: {\"id\":\"chatcmpl-stream\",\"object\":\"chat.completion.chunk\",\"created\":1741571000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":48,"
                + "\"completion_tokens\":10000,\"total_tokens\":10048}}\n\n");
        sb.append("data: [DONE]\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (!authorization.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "application/json", UNAUTHORIZED);
                return;
            }
            if (contains(body, STREAM_MARKER)) {
                send(ex, 200, "text/event-stream; charset=utf-8", STREAM);
            } else {
                send(ex, 200, "application/json", COMPLETION);
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] out) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("x-request-id", "req_loopback");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
