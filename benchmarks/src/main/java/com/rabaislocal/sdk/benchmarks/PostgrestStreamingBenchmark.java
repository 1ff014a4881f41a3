package com.rabaislocal.sdk.benchmarks;

import com.fasterxml.jackson.databind.JavaType;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.postgrest.RowStream;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Reads a 1,000,000-row PostgREST answer (about 100 MB of JSON) from an in-process loopback server three ways:
 * the SDK's streaming iterator ({@code stream(Row.class)}), the SDK's {@code list(Row.class)}, and a whole-body
 * read with plain OkHttp + Jackson ({@code body().bytes()} then {@code readValue} into a List). One invocation per
 * iteration reads the whole answer; the secondary results give the heap peaks seen during that invocation.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PostgrestStreamingBenchmark}; add
 * {@code -jvmArgsAppend -Xmx64m} to see which variants fit in a heap smaller than the answer.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgs = {"-Dsun.net.httpserver.nodelay=true", "-Xmx2g"})
public class PostgrestStreamingBenchmark {

    /** Rows per answer. */
    public static final int ROWS = 1_000_000;
    private static final int CHUNK_ROWS = 1_000;

    /** One row, as a Java record. */
    public record Row(long id, String title, String city, BigDecimal price, boolean active) { }

    /** The loopback server and the clients, shared by all invocations of a fork. */
    @State(Scope.Benchmark)
    public static class Server {
        HttpServer http;
        ExecutorService executor;
        SupabaseClient supabase;
        OkHttpClient okHttp;
        String url;
        String key;
        JavaType listType;

        @Setup(Level.Trial)
        public void start() throws IOException {
            byte[] chunk = chunk();
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/rest/v1/offers", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.getResponseHeaders().add("Content-Range", "0-" + (ROWS - 1) + "/*");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write('[');
                    for (int i = 0; i < ROWS / CHUNK_ROWS; i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.write(chunk);
                    }
                    out.write(']');
                }
            });
            executor = Executors.newFixedThreadPool(2);
            http.setExecutor(executor);
            http.start();
            url = "http://127.0.0.1:" + http.getAddress().getPort();
            key = fakeAnonKey();
            supabase = SupabaseClient.create(url, CredentialProvider.of(key));
            okHttp = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
            listType = SdkJson.mapper().getTypeFactory().constructCollectionType(List.class, Row.class);
        }

        @TearDown(Level.Trial)
        public void stop() {
            supabase.close();
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
            http.stop(0);
            executor.shutdownNow();
        }

        private static byte[] chunk() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < CHUNK_ROWS; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"id\":").append(100_000 + i).append(",\"title\":\"Offre ").append(100_000 + i)
                        .append(" pizza 2 pour 1\",\"city\":\"Montréal\",\"price\":").append(i % 90).append(".99")
                        .append(",\"active\":").append(i % 3 != 0).append('}');
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static String fakeAnonKey() {
            Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
            return enc.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + enc.encodeToString("{\"role\":\"anon\"}".getBytes(StandardCharsets.UTF_8)) + ".c2ln";
        }
    }

    /**
     * Heap peaks of the invocation, in MB. JMH prints them per iteration; its secondary "Score" for them is the
     * sum over the measured iterations, so the fork also prints the largest values seen in a line starting with
     * {@code # heap}.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        /** Peak used heap, all pools summed (an upper bound: pools peak at different moments). */
        public double peakHeapMb;
        /** Peak of the old generation: what survived young collections, i.e. what the reader kept alive. */
        public double peakOldGenMb;
        private boolean measuring;
        private double maxHeapMb;
        private double maxOldGenMb;
        private int measured;

        @Setup(Level.Iteration)
        public void reset(IterationParams iteration) {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
            peakHeapMb = 0;
            peakOldGenMb = 0;
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    p.resetPeakUsage();
                }
            }
        }

        void record() {
            long total = 0;
            long old = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    long peak = p.getPeakUsage().getUsed();
                    total += peak;
                    if (p.getName().contains("Old Gen") || p.getName().contains("Tenured")) {
                        old += peak;
                    }
                }
            }
            peakHeapMb = total / 1048576.0;
            peakOldGenMb = old / 1048576.0;
            if (measuring) {
                measured++;
                maxHeapMb = Math.max(maxHeapMb, peakHeapMb);
                maxOldGenMb = Math.max(maxOldGenMb, peakOldGenMb);
            }
        }

        @TearDown(Level.Trial)
        public void summary(BenchmarkParams benchmark) {
            System.out.printf("%n# heap %s: largest peak heap %.1f MB, largest peak old gen %.1f MB,"
                    + " over %d measured invocations (max heap %d MB)%n", benchmark.getBenchmark(), maxHeapMb,
                    maxOldGenMb, measured, Runtime.getRuntime().maxMemory() / 1048576);
        }
    }

    /**
     * The SDK's streaming iterator: rows parsed and handed over one at a time.
     *
     * @return rows read
     */
    @Benchmark
    public long sdkStream(Server s, Heap heap, Blackhole bh) {
        long n = 0;
        try (RowStream<Row> rows = s.supabase.from("offers").select().stream(Row.class)) {
            for (Row r : rows) {
                bh.consume(r);
                n++;
            }
        }
        heap.record();
        check(n);
        return n;
    }

    /**
     * The SDK's list: parsed as the body arrives, every row kept.
     *
     * @return rows read
     */
    @Benchmark
    public long sdkList(Server s, Heap heap, Blackhole bh) {
        List<Row> rows = s.supabase.from("offers").select().list(Row.class);
        heap.record();
        bh.consume(rows);
        check(rows.size());
        return rows.size();
    }

    /**
     * Plain OkHttp + Jackson: the whole body read into memory, then bound into a List.
     *
     * @return rows read
     */
    @Benchmark
    public long wholeBody(Server s, Heap heap, Blackhole bh) throws IOException {
        Request req = new Request.Builder().url(s.url + "/rest/v1/offers?select=*").header("apikey", s.key)
                .header("Authorization", "Bearer " + s.key).build();
        try (Response resp = s.okHttp.newCall(req).execute()) {
            byte[] body = resp.body().bytes();
            List<Row> rows = SdkJson.mapper().readValue(body, s.listType);
            heap.record();
            bh.consume(rows);
            check(rows.size());
            return rows.size();
        }
    }

    private static void check(long n) {
        if (n != ROWS) {
            throw new IllegalStateException("read " + n + " rows, expected " + ROWS);
        }
    }
}
