package com.rabaislocal.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steadier check of {@link OpenAiChatBenchmark}'s ratios on a busy machine: the six operations run in one JVM in
 * alternating blocks (every round runs a block of each, in a rotating order), so a change of load hits sdk-openai,
 * openai-java and the raw call alike, and each ratio to the raw call is taken per round between blocks run moments
 * apart. Reports per operation the median over rounds of the wall time and of the calling thread's allocated bytes,
 * then the median [interquartile range] of the per-round ratios to the raw call.
 *
 * <p>Run: {@code java -Dsun.net.httpserver.nodelay=true -cp benchmarks/target/benchmarks.jar
 * com.rabaislocal.sdk.benchmarks.OpenAiInterleaved [rounds [creates per block [streams per block [warm-up]]]]};
 * defaults 30, 300, 2 and 8.
 */
public final class OpenAiInterleaved {

    private static volatile Object sink;

    private OpenAiInterleaved() {
    }

    /**
     * Runs the comparison.
     *
     * @param args optional: rounds, creates per block, streams per block, warm-up rounds
     * @throws Exception when the server cannot start or a call fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int creates = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int streams = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        OpenAiChatBenchmark bench = new OpenAiChatBenchmark();
        OpenAiChatBenchmark.Loopback s = new OpenAiChatBenchmark.Loopback();
        s.start();
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("rawCreate", () -> sink = bench.rawCreate(s));
        ops.put("sdkCreate", () -> sink = bench.sdkCreate(s));
        ops.put("openAiJavaCreate", () -> sink = bench.openAiJavaCreate(s));
        ops.put("rawStream", () -> sink = bench.rawStream(s));
        ops.put("sdkStream", () -> sink = bench.sdkStream(s));
        ops.put("openAiJavaStream", () -> sink = bench.openAiJavaStream(s));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        long tid = Thread.currentThread().getId();
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(ops.keySet());
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((k + round) % names.size());
                    int n = name.endsWith("Stream") ? streams : creates;
                    Op op = ops.get(name);
                    long bytes0 = threads.getThreadAllocatedBytes(tid);
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        op.run();
                    }
                    long t1 = System.nanoTime();
                    long bytes1 = threads.getThreadAllocatedBytes(tid);
                    if (round >= warmup) {
                        samples.computeIfAbsent(name, x -> new ArrayList<>()).add(new double[] {
                            (t1 - t0) / 1000.0 / n, (double) (bytes1 - bytes0) / n});
                    }
                }
            }
        } finally {
            s.stop();
        }
        System.out.printf("%d rounds (after %d warm-up), %d creates and %d streams of %d deltas per block%n", rounds,
                warmup, creates, streams, LoopbackOpenAiServer.STREAM_DELTAS);
        System.out.printf("%-18s %14s %16s%n", "per operation", "wall us", "caller bytes");
        for (String name : names) {
            List<double[]> r = samples.get(name);
            System.out.printf("%-18s %14.1f %16.0f%n", name, median(r, 0), median(r, 1));
        }
        System.out.println("ratio to raw, median [interquartile range] of the per-round ratios:");
        for (String kind : List.of("Create", "Stream")) {
            for (String who : List.of("sdk", "openAiJava")) {
                List<double[]> a = samples.get(who + kind);
                List<double[]> b = samples.get("raw" + kind);
                double[] wall = new double[a.size()];
                double[] alloc = new double[a.size()];
                for (int i = 0; i < a.size(); i++) {
                    wall[i] = a.get(i)[0] / b.get(i)[0];
                    alloc[i] = a.get(i)[1] / b.get(i)[1];
                }
                System.out.printf("  %-18s wall %.3f [%.3f .. %.3f]   caller bytes %.3f [%.3f .. %.3f]%n",
                        who + kind + "/raw", q(wall, 0.5), q(wall, 0.25), q(wall, 0.75), q(alloc, 0.5),
                        q(alloc, 0.25), q(alloc, 0.75));
            }
        }
    }

    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    private static double median(List<double[]> rows, int metric) {
        return q(rows.stream().mapToDouble(r -> r[metric]).toArray(), 0.5);
    }

    private static double q(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = p * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }
}
