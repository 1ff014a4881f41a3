package com.rabaislocal.sdk.testing.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-process stand-in of OpenAI's API for tests and offline examples: {@code POST /v1/chat/completions} answers
 * with scripted {@link OpenAiReply replies} in order (plain, tool calls, JSON-schema answers, refusals, errors), as a
 * JSON body or, when the request asks {@code "stream": true}, as server-sent events the way OpenAI sends them (a role
 * chunk, text pieces, tool-call deltas split and interleaved by index, the finish chunk, the usage chunk when
 * {@code stream_options.include_usage}, then {@code [DONE]}). Also {@code GET /v1/models}, {@code GET /v1/models/{id}}
 * and {@code POST /v1/moderations} (flagging inputs that contain a {@link #flagWord(String) flagged word}).
 *
 * <p>A wrong {@code Authorization} gets OpenAI's 401 {@code invalid_api_key}. With no scripted reply left, the
 * {@link #respondWith(Function) responder} decides (by default: HTTP 400 naming the gap). Every answer carries an
 * {@code x-request-id} and rate-limit headers. Listens on 127.0.0.1 on a free port; thread-safe; close it when done.
 */
public final class OpenAiStandIn implements AutoCloseable {

    /** The model the stand-in answers as when the request names none. */
    public static final String MODEL = "gpt-4o-mini-2024-07-18";

    private final HttpServer server;
    private final String apiKey;
    private final Deque<OpenAiReply> script = new ArrayDeque<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> flagWords = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private Function<JsonNode, OpenAiReply> responder = body -> OpenAiReply.error(400, "invalid_request_error",
            null, "OpenAI stand-in: no scripted reply left for this request");

    private OpenAiStandIn(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    /**
     * Starts a stand-in that accepts one API key.
     *
     * @param apiKey the key the client must send as {@code Authorization: Bearer}
     * @return the running stand-in
     * @throws IOException when no port can be bound
     */
    public static OpenAiStandIn start(String apiKey) throws IOException {
        return new OpenAiStandIn(apiKey);
    }

    /** @return the base URL to give the client, e.g. {@code http://127.0.0.1:50123/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * Queues replies, answered in order to the next chat completion requests.
     *
     * @param replies the replies
     * @return this stand-in
     */
    public synchronized OpenAiStandIn enqueue(OpenAiReply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /**
     * Sets who answers once the script is empty.
     *
     * @param responder gets the request body, returns the reply
     * @return this stand-in
     */
    public synchronized OpenAiStandIn respondWith(Function<JsonNode, OpenAiReply> responder) {
        this.responder = responder;
        return this;
    }

    /**
     * Makes the moderation endpoint flag inputs containing a word (case-insensitive), as {@code harassment}.
     *
     * @param word the word
     * @return this stand-in
     */
    public synchronized OpenAiStandIn flagWord(String word) {
        flagWords.add(word.toLowerCase(Locale.ROOT));
        return this;
    }

    /** @return the chat completion request bodies received, in order */
    public synchronized List<JsonNode> chatRequests() {
        return List.copyOf(requests);
    }

    /** @return how many requests reached the stand-in (any endpoint) */
    public int requestCount() {
        return counter.get();
    }

    /** @return how many scripted replies are left */
    public synchronized int pending() {
        return script.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        int n = counter.incrementAndGet();
        try (ex) {
            ex.getResponseHeaders().set("x-request-id", "req_standin_" + n);
            ex.getResponseHeaders().set("x-ratelimit-limit-requests", "10000");
            ex.getResponseHeaders().set("x-ratelimit-remaining-requests", String.valueOf(Math.max(0, 10000 - n)));
            ex.getResponseHeaders().set("x-ratelimit-reset-requests", "6ms");
            if (!("Bearer " + apiKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                sendJson(ex, 401, errorBody("Incorrect API key provided. You can find your API key at "
                        + "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"));
                return;
            }
            String path = ex.getRequestURI().getPath().substring("/v1".length());
            String method = ex.getRequestMethod();
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? SdkJson.mapper().createObjectNode() : SdkJson.mapper().readTree(raw);
            if (method.equals("POST") && path.equals("/chat/completions")) {
                chat(ex, body);
            } else if (method.equals("GET") && path.equals("/models")) {
                ObjectNode list = SdkJson.mapper().createObjectNode().put("object", "list");
                ArrayNode data = list.putArray("data");
                for (String id : List.of("gpt-4o-mini", "gpt-4o", "text-embedding-3-small", "omni-moderation-latest")) {
                    data.add(model(id));
                }
                sendJson(ex, 200, list);
            } else if (method.equals("GET") && path.startsWith("/models/")) {
                sendJson(ex, 200, model(path.substring("/models/".length())));
            } else if (method.equals("POST") && path.equals("/moderations")) {
                sendJson(ex, 200, moderation(body));
            } else {
                sendJson(ex, 404, errorBody("Invalid URL (" + method + " /v1" + path + ")", "invalid_request_error",
                        null));
            }
        }
    }

    private void chat(HttpExchange ex, JsonNode body) throws IOException {
        OpenAiReply reply;
        synchronized (this) {
            requests.add(body);
            reply = script.isEmpty() ? responder.apply(body) : script.poll();
        }
        if (reply.kind == OpenAiReply.Kind.ERROR || (reply.kind == OpenAiReply.Kind.STREAM_ERROR
                && !body.path("stream").asBoolean())) {
            if (reply.retryAfterMs != null) {
                ex.getResponseHeaders().set("retry-after-ms", reply.retryAfterMs);
            }
            sendJson(ex, reply.kind == OpenAiReply.Kind.ERROR ? reply.status : 500,
                    errorBody(reply.text == null ? "error" : reply.kind == OpenAiReply.Kind.ERROR ? reply.text
                            : "The server had an error while processing your request.", reply.errorType,
                            reply.errorCode));
            return;
        }
        String model = body.path("model").asText(MODEL);
        long promptTokens = Math.max(1, body.path("messages").toString().length() / 4);
        if (body.path("stream").asBoolean()) {
            stream(ex, reply, model, promptTokens, body.path("stream_options").path("include_usage").asBoolean());
            return;
        }
        ObjectNode c = SdkJson.mapper().createObjectNode().put("id", "chatcmpl-standin" + counter.get())
                .put("object", "chat.completion").put("created", 1764633600L).put("model", model);
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        ObjectNode msg = choice.putObject("message").put("role", "assistant");
        long completionTokens = 1;
        if (reply.kind == OpenAiReply.Kind.TOOL_CALLS) {
            msg.putNull("content");
            ArrayNode calls = msg.putArray("tool_calls");
            for (OpenAiReply.Call call : reply.calls) {
                calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                        .put("name", call.name()).put("arguments", call.argumentsJson());
                completionTokens += call.argumentsJson().length() / 4 + 5;
            }
            msg.putNull("refusal");
            choice.put("finish_reason", "tool_calls");
        } else if (reply.kind == OpenAiReply.Kind.REFUSAL) {
            msg.putNull("content").put("refusal", reply.text);
            choice.put("finish_reason", "stop");
        } else {
            msg.put("content", reply.text).putNull("refusal");
            msg.putArray("annotations");
            completionTokens = Math.max(1, reply.text.length() / 4);
            choice.put("finish_reason", "stop");
        }
        choice.putNull("logprobs");
        c.set("usage", usage(promptTokens, completionTokens));
        c.put("service_tier", "default").put("system_fingerprint", "fp_standin");
        sendJson(ex, 200, c);
    }

    private void stream(HttpExchange ex, OpenAiReply reply, String model, long promptTokens, boolean includeUsage)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        String id = "chatcmpl-standin" + counter.get();
        try (OutputStream out = ex.getResponseBody()) {
            ObjectNode first = delta(id, model);
            ObjectNode d = first.putArray("choices").addObject().put("index", 0).putObject("delta")
                    .put("role", "assistant");
            d.put("content", "");
            event(out, ": stand-in stream\n\n");
            event(out, first);
            long completionTokens = 1;
            if (reply.kind == OpenAiReply.Kind.TOOL_CALLS) {
                // The head of every call first, then their argument pieces interleaved, as parallel calls arrive.
                List<List<String>> pieces = new ArrayList<>();
                for (int i = 0; i < reply.calls.size(); i++) {
                    OpenAiReply.Call call = reply.calls.get(i);
                    ObjectNode head = delta(id, model);
                    ObjectNode tc = head.putArray("choices").addObject().put("index", 0).putObject("delta")
                            .putArray("tool_calls").addObject().put("index", i).put("id", call.id())
                            .put("type", "function");
                    tc.putObject("function").put("name", call.name()).put("arguments", "");
                    event(out, head);
                    pieces.add(split(call.argumentsJson(), 3));
                    completionTokens += call.argumentsJson().length() / 4 + 5;
                }
                for (int p = 0; p < 3; p++) {
                    for (int i = 0; i < pieces.size(); i++) {
                        ObjectNode piece = delta(id, model);
                        piece.putArray("choices").addObject().put("index", 0).putObject("delta")
                                .putArray("tool_calls").addObject().put("index", i).putObject("function")
                                .put("arguments", pieces.get(i).get(p));
                        event(out, piece);
                    }
                }
                event(out, finish(id, model, "tool_calls"));
            } else if (reply.kind == OpenAiReply.Kind.REFUSAL) {
                for (String piece : split(reply.text, 4)) {
                    ObjectNode c = delta(id, model);
                    c.putArray("choices").addObject().put("index", 0).putObject("delta").put("refusal", piece);
                    event(out, c);
                }
                event(out, finish(id, model, "stop"));
            } else {
                for (String piece : split(reply.text, Math.max(1, Math.min(8, reply.text.length())))) {
                    ObjectNode c = delta(id, model);
                    c.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", piece);
                    event(out, c);
                }
                completionTokens = Math.max(1, reply.text.length() / 4);
                if (reply.kind == OpenAiReply.Kind.STREAM_ERROR) {
                    event(out, "event: error\ndata: " + errorBody("The server had an error while processing your "
                            + "request. Sorry about that!", reply.errorType, reply.errorCode) + "\n\n");
                    return;
                }
                event(out, finish(id, model, "stop"));
            }
            if (includeUsage) {
                ObjectNode u = SdkJson.mapper().createObjectNode().put("id", id).put("object",
                        "chat.completion.chunk").put("created", 1764633600L).put("model", model);
                u.putArray("choices");
                u.set("usage", usage(promptTokens, completionTokens));
                event(out, u);
            }
            event(out, "data: [DONE]\n\n");
        }
    }

    private static ObjectNode delta(String id, String model) {
        ObjectNode c = SdkJson.mapper().createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", 1764633600L).put("model", model).put("system_fingerprint", "fp_standin");
        c.putNull("usage");
        return c;
    }

    private static ObjectNode finish(String id, String model, String reason) {
        ObjectNode c = delta(id, model);
        c.putArray("choices").addObject().put("index", 0).put("finish_reason", reason).putObject("delta");
        return c;
    }

    private static List<String> split(String s, int parts) {
        List<String> out = new ArrayList<>(parts);
        int size = (s.length() + parts - 1) / parts;
        for (int i = 0; i < parts; i++) {
            int from = Math.min(s.length(), i * size);
            int to = Math.min(s.length(), from + size);
            out.add(s.substring(from, to));
        }
        return out;
    }

    private static void event(OutputStream out, ObjectNode data) throws IOException {
        event(out, "data: " + data + "\n\n");
    }

    private static void event(OutputStream out, String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode usage(long prompt, long completion) {
        ObjectNode u = SdkJson.mapper().createObjectNode().put("prompt_tokens", prompt)
                .put("completion_tokens", completion).put("total_tokens", prompt + completion);
        u.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return u;
    }

    private static ObjectNode model(String id) {
        return SdkJson.mapper().createObjectNode().put("id", id).put("object", "model").put("created", 1721172741L)
                .put("owned_by", "system");
    }

    private synchronized ObjectNode moderation(JsonNode body) {
        ObjectNode m = SdkJson.mapper().createObjectNode().put("id", "modr-standin" + counter.get())
                .put("model", body.path("model").asText("omni-moderation-latest"));
        ArrayNode results = m.putArray("results");
        JsonNode input = body.path("input");
        List<String> texts = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(t -> texts.add(t.asText()));
        } else {
            texts.add(input.asText());
        }
        for (String t : texts) {
            boolean flagged = flagWords.stream().anyMatch(w -> t.toLowerCase(Locale.ROOT).contains(w));
            ObjectNode r = results.addObject().put("flagged", flagged);
            r.putObject("categories").put("harassment", flagged).put("violence", false);
            r.putObject("category_scores").put("harassment", flagged ? 0.91 : 0.0001).put("violence", 0.0001);
            r.putObject("category_applied_input_types").putArray("harassment").add("text");
        }
        return m;
    }

    private static ObjectNode errorBody(String message, String type, String code) {
        ObjectNode root = SdkJson.mapper().createObjectNode();
        ObjectNode e = root.putObject("error").put("message", message).put("type", type);
        e.putNull("param");
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return root;
    }

    private static void sendJson(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] out = SdkJson.mapper().writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "OpenAiStandIn{baseUrl=" + baseUrl() + ", pending=" + pending() + '}';
    }
}
