package com.rabaislocal.sdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.http.ErrorParser;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
 * What the SDK's transport costs on top of the same call written by hand: a JSON GET and a JSON POST through a
 * {@link ServiceClient} (default retry policy, {@code apikey} + {@code Authorization} from a
 * {@link CredentialProvider}, the generic error parser, binding into {@link Offer}) against the same requests sent
 * with one plain {@link OkHttpClient} and one {@link ObjectMapper}, all against one {@link LoopbackOfferServer}.
 * Both sides send the same headers and bodies, reuse kept-alive connections from a pool of the same settings, and
 * bind the same record; the raw side only checks the status.
 *
 * <p>Sample time per call in microseconds (its median is the figure compared); run with {@code -prof gc} for the
 * bytes allocated per call. Each benchmark runs in its own forks, so one side's JIT profile never shapes the other.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true", "-Xms512m", "-Xmx512m"})
public class CoreOverheadBenchmark {

    /** The PostgREST media type asking for one object rather than an array. */
    static final String SINGLE_OBJECT = "application/vnd.pgrst.object+json";

    private static final String TABLE = LoopbackOfferServer.OFFERS_PATH;
    private static final String RAW_TABLE = TABLE.substring(1);
    private static final String USER_AGENT = "rabaislocal-benchmark/raw";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /**
     * The loopback server and both clients, started once per fork and shared by all benchmark methods.
     */
    @State(Scope.Benchmark)
    public static class Loopback {

        /** A made-up key of a Supabase anon key's length; the server accepts only this one. */
        static final String API_KEY = "bench-anon-key-" + "0123456789abcdef".repeat(12);

        /** The offer every POST sends; the server echoes it back. */
        static final Offer DRAFT = new Offer(2, UUID.fromString("6f1c2e4a-8b3d-4c5e-9a7f-1b2c3d4e5f60"),
                "Épicerie Saint-Roch : 15 % sur les fruits", "Produits du terroir québécois; valable à l'achat de "
                + "20 $ et plus, jusqu'à épuisement des stocks.", new BigDecimal("15.00"),
                OffsetDateTime.parse("2025-07-01T08:00:00-04:00"), OffsetDateTime.parse("2025-07-31T21:00:00-04:00"),
                "draft", "Québec");

        LoopbackOfferServer server;
        SdkHttpClient transport;
        ServiceClient sdk;
        OkHttpClient raw;
        ObjectMapper rawMapper;
        HttpUrl rawBase;

        /**
         * Starts the server, the SDK client and the raw client.
         *
         * @throws IOException when the loopback port cannot be bound
         */
        @Setup(Level.Trial)
        public void start() throws IOException {
            server = LoopbackOfferServer.start(API_KEY);
            CredentialProvider key = CredentialProvider.of(API_KEY);
            transport = SdkHttpClient.builder().build();
            sdk = ServiceClient.builder()
                    .service("supabase")
                    .baseUrl(server.baseUrl())
                    .transport(transport)
                    .retryPolicy(RetryPolicy.defaults())
                    .errorParser(ErrorParser.generic())
                    .authenticator((request, builder) -> {
                        String k = key.current().reveal();
                        builder.set("apikey", k);
                        builder.set("Authorization", "Bearer " + k);
                    })
                    .build();
            // The same settings SdkHttpClient applies, so both sides pool and time out alike.
            raw = new OkHttpClient.Builder()
                    .retryOnConnectionFailure(false)
                    .connectTimeout(transport.connectTimeout())
                    .readTimeout(transport.readTimeout())
                    .writeTimeout(transport.writeTimeout())
                    .build();
            rawMapper = SdkJson.newMapper();
            rawBase = server.baseUrl();
        }

        /** Stops both clients and the server. */
        @TearDown(Level.Trial)
        public void stop() {
            if (sdk != null) {
                sdk.close();
                transport.close();
            }
            if (raw != null) {
                raw.dispatcher().executorService().shutdown();
                raw.connectionPool().evictAll();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * Reads offer 1 through the SDK.
     *
     * @param s the shared state
     * @return the offer
     */
    @Benchmark
    public Offer sdkGet(Loopback s) {
        return s.sdk.execute(SdkRequest.builder("GET", TABLE)
                .query("id", "eq.1")
                .header("Accept", SINGLE_OBJECT)
                .build(), Offer.class);
    }

    /**
     * Reads offer 1 with OkHttp and Jackson directly.
     *
     * @param s the shared state
     * @return the offer
     * @throws IOException when the call or the binding fails
     */
    @Benchmark
    public Offer rawGet(Loopback s) throws IOException {
        return rawCall(s.raw.newCall(rawGetRequest(s)), s);
    }

    /** The request {@link #rawGet(Loopback)} sends. */
    static Request rawGetRequest(Loopback s) {
        HttpUrl url = s.rawBase.newBuilder().addPathSegments(RAW_TABLE).addQueryParameter("id", "eq.1").build();
        return new Request.Builder().url(url)
                .header("User-Agent", USER_AGENT)
                .header("Accept", SINGLE_OBJECT)
                .header("apikey", Loopback.API_KEY)
                .header("Authorization", "Bearer " + Loopback.API_KEY)
                .build();
    }

    /**
     * Creates an offer through the SDK (the server echoes it).
     *
     * @param s the shared state
     * @return the created offer
     */
    @Benchmark
    public Offer sdkPost(Loopback s) {
        return s.sdk.execute(SdkRequest.builder("POST", TABLE)
                .header("Prefer", "return=representation")
                .header("Accept", SINGLE_OBJECT)
                .jsonBody(Loopback.DRAFT)
                .build(), Offer.class);
    }

    /**
     * Creates an offer with OkHttp and Jackson directly (the server echoes it).
     *
     * @param s the shared state
     * @return the created offer
     * @throws IOException when the call or the binding fails
     */
    @Benchmark
    public Offer rawPost(Loopback s) throws IOException {
        return rawCall(s.raw.newCall(rawPostRequest(s)), s);
    }

    /** The request {@link #rawPost(Loopback)} sends: the body serialised on every call, as the SDK does. */
    static Request rawPostRequest(Loopback s) throws IOException {
        HttpUrl url = s.rawBase.newBuilder().addPathSegments(RAW_TABLE).build();
        byte[] body = s.rawMapper.writeValueAsBytes(Loopback.DRAFT);
        return new Request.Builder().url(url)
                .header("User-Agent", USER_AGENT)
                .header("Prefer", "return=representation")
                .header("Accept", SINGLE_OBJECT)
                .header("apikey", Loopback.API_KEY)
                .header("Authorization", "Bearer " + Loopback.API_KEY)
                .post(RequestBody.create(body, JSON))
                .build();
    }

    /**
     * The raw POST with OkHttp's call timeout armed as the SDK arms it for its per-call deadline: what that
     * guarantee costs by itself on a write.
     *
     * @param s the shared state
     * @return the created offer
     * @throws IOException when the call or the binding fails
     */
    @Benchmark
    public Offer rawPostWithDeadline(Loopback s) throws IOException {
        Call call = s.raw.newCall(rawPostRequest(s));
        call.timeout().timeout(com.rabaislocal.sdk.core.retry.RetryPolicy.defaults().deadline().toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        return rawCall(call, s);
    }

    /** Runs a raw call: checks the status and binds the body into an {@link Offer}. */
    static Offer rawCall(Call call, Loopback s) throws IOException {
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                Request request = call.request();
                throw new IOException("HTTP " + response.code() + " from " + request.method() + " " + request.url());
            }
            try (InputStream in = response.body().byteStream()) {
                return s.rawMapper.readValue(in, Offer.class);
            }
        }
    }
}
