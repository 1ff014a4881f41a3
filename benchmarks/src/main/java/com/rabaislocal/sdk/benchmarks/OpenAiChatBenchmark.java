package com.rabaislocal.sdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.openai.chat.ChatCompletion;
import com.rabaislocal.sdk.openai.chat.ChatCompletionChunk;
import com.rabaislocal.sdk.openai.chat.ChatCompletionCreateParams;
import com.rabaislocal.sdk.openai.chat.ChatCompletionStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A chat completion through sdk-openai, through the official openai-java client (4.105.0) and by hand with
 * OkHttp + Jackson, all against one {@link LoopbackOpenAiServer} in the same run: {@code *Create} sends the same
 * one-message request and binds the same completion; {@code *Stream} reads a stream of
 * {@link LoopbackOpenAiServer#STREAM_DELTAS} content deltas and rebuilds the whole text (sdk-openai's
 * accumulator, openai-java's {@code ChatCompletionAccumulator}, raw {@code okhttp-sse} events each parsed with
 * Jackson and appended). Average time per operation; {@code -prof gc} gives the bytes per operation. Every
 * benchmark runs in its own forks.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true", "-Xms512m", "-Xmx512m"})
public class OpenAiChatBenchmark {

    private static final String KEY = "sk-bench-" + "0123456789abcdef".repeat(3);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String PROMPT = "Quels rabais à Québec cette semaine ?";

    /** The loopback server and the three clients, one set per fork. */
    @State(Scope.Benchmark)
    public static class Loopback {
        LoopbackOpenAiServer server;
        OpenAiClient sdk;
        ChatCompletionCreateParams sdkParams;
        OpenAIClient official;
        com.openai.models.chat.completions.ChatCompletionCreateParams officialParams;
        OkHttpClient raw;
        ObjectMapper mapper;
        Map<String, Object> rawBody;
        Map<String, Object> rawStreamBody;
        String url;

        /**
         * Starts the server and the clients.
         *
         * @throws IOException when the port cannot be bound
         */
        @Setup(Level.Trial)
        public void start() throws IOException {
            server = LoopbackOpenAiServer.start(KEY);
            url = server.baseUrl() + "/chat/completions";
            sdk = OpenAiClient.builder().baseUrl(server.baseUrl()).credential(CredentialProvider.of(KEY)).build();
            sdkParams = ChatCompletionCreateParams.builder().model("gpt-4o-mini").user(PROMPT).build();
            official = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build();
            officialParams = com.openai.models.chat.completions.ChatCompletionCreateParams.builder()
                    .model("gpt-4o-mini").addUserMessage(PROMPT).build();
            raw = new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(10, TimeUnit.MINUTES)
                    .build();
            mapper = SdkJson.newMapper();
            rawBody = Map.of("model", "gpt-4o-mini", "messages", List.of(Map.of("role", "user", "content", PROMPT)));
            rawStreamBody = Map.of("model", "gpt-4o-mini", "messages", List.of(Map.of("role", "user", "content",
                    PROMPT)), "stream", true, "stream_options", Map.of("include_usage", true));
        }

        /** Stops everything. */
        @TearDown(Level.Trial)
        public void stop() {
            sdk.close();
            official.close();
            raw.dispatcher().executorService().shutdown();
            raw.connectionPool().evictAll();
            server.close();
        }

        Request rawRequest(Map<String, Object> body) throws IOException {
            return new Request.Builder().url(url).header("Authorization", "Bearer " + KEY)
                    .post(RequestBody.create(mapper.writeValueAsBytes(body), JSON)).build();
        }
    }

    /**
     * sdk-openai: {@code chat().create}.
     *
     * @param s the state
     * @return the completion
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ChatCompletion sdkCreate(Loopback s) {
        return s.sdk.chat().create(s.sdkParams);
    }

    /**
     * openai-java: {@code chat().completions().create}.
     *
     * @param s the state
     * @return the completion
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public com.openai.models.chat.completions.ChatCompletion openAiJavaCreate(Loopback s) {
        return s.official.chat().completions().create(s.officialParams);
    }

    /**
     * OkHttp + Jackson by hand.
     *
     * @param s the state
     * @return the completion
     * @throws IOException on a failed call
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ChatCompletion rawCreate(Loopback s) throws IOException {
        try (Response r = s.raw.newCall(s.rawRequest(s.rawBody)).execute()) {
            if (!r.isSuccessful()) {
                throw new IOException("HTTP " + r.code());
            }
            try (InputStream in = r.body().byteStream()) {
                return s.mapper.readValue(in, ChatCompletion.class);
            }
        }
    }

    /**
     * sdk-openai: a 10,000-delta stream, accumulated.
     *
     * @param s the state
     * @return the text's length
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int sdkStream(Loopback s) {
        try (ChatCompletionStream stream = s.sdk.chat().stream(s.sdkParams)) {
            return stream.accumulate().content().orElseThrow().length();
        }
    }

    /**
     * openai-java: the same stream through {@code createStreaming} and its accumulator.
     *
     * @param s the state
     * @return the text's length
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int openAiJavaStream(Loopback s) {
        ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
        try (StreamResponse<com.openai.models.chat.completions.ChatCompletionChunk> stream =
                     s.official.chat().completions().createStreaming(s.officialParams)) {
            stream.stream().forEach(acc::accumulate);
        }
        return acc.chatCompletion().choices().get(0).message().content().orElseThrow().length();
    }

    /**
     * okhttp-sse by hand: each event parsed with Jackson, the text appended.
     *
     * @param s the state
     * @return the text's length
     * @throws IOException on a failed call
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int rawStream(Loopback s) throws IOException {
        StringBuilder text = new StringBuilder();
        IOException[] failure = {null};
        Response r = s.raw.newCall(s.rawRequest(s.rawStreamBody)).execute();
        EventSources.processResponse(r, new EventSourceListener() {
            @Override
            public void onEvent(EventSource source, String id, String type, String data) {
                if ("[DONE]".equals(data)) {
                    return;
                }
                try {
                    ChatCompletionChunk c = s.mapper.readValue(data, ChatCompletionChunk.class);
                    String piece = c.contentDelta();
                    if (piece != null) {
                        text.append(piece);
                    }
                } catch (IOException e) {
                    failure[0] = e;
                }
            }

            @Override
            public void onFailure(EventSource source, Throwable t, Response response) {
                failure[0] = new IOException("stream failed", t);
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return text.length();
    }
}
