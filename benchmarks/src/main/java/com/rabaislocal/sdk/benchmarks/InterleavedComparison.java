package com.rabaislocal.sdk.benchmarks;

import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * A check of {@link CoreOverheadBenchmark}'s ratios that holds on a busy machine: its four calls run in one JVM,
 * in alternating blocks (each round runs a block of every call, in a rotating order), so a change of load affects
 * the SDK and raw variants alike, and each SDK/raw ratio is taken per round, between blocks run moments apart.
 * JMH measures each benchmark in its own fork, one after the other; when other processes come and go during the
 * minutes that takes, its time ratios move by tens of percent while these stay within a few.
 *
 * <p>It reports, per call: wall time and the calling thread's CPU time (each the mean over a block, then the
 * median over rounds) and bytes allocated by the calling thread; then the median of the per-round SDK/raw ratios
 * with their interquartile range. The first rounds warm the JIT up and are not counted. A fifth call,
 * {@value #RAW_GET_WITH_DEADLINE}, is the raw GET with OkHttp's call timeout armed as the SDK arms it for its
 * per-call deadline (60 s by default), to show what that guarantee costs by itself.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar com.rabaislocal.sdk.benchmarks.InterleavedComparison
 * [rounds [calls per block [warm-up rounds]]]}; defaults 40, 1000 and 10.
 */
public final class InterleavedComparison {

    /** The raw GET with the call timeout the SDK arms for its deadline: what the deadline alone costs. */
    static final String RAW_GET_WITH_DEADLINE = "rawGet+deadline";

    private static final List<String> CALLS = List.of("rawGet", "sdkGet", "rawPost", "sdkPost",
            RAW_GET_WITH_DEADLINE);

    private static volatile Object sink;

    private InterleavedComparison() {
    }

    /** What one call cost in every counted round, per call. */
    static final class Samples {
        final List<double[]> rounds = new ArrayList<>();

        void add(double wallMicros, double cpuMicros, double bytes) {
            rounds.add(new double[] {wallMicros, cpuMicros, bytes});
        }

        double median(int metric) {
            return InterleavedComparison.median(rounds.stream().mapToDouble(r -> r[metric]).toArray());
        }
    }

    /**
     * Runs the comparison.
     *
     * @param args optional: rounds, calls per block, warm-up rounds
     * @throws Exception when the loopback server cannot start or a call fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        print(measure(rounds, block, warmup), rounds, block);
    }

    /**
     * Runs {@code warmup + rounds} rounds of every call and returns the counted ones.
     *
     * @param rounds counted rounds
     * @param block calls per block
     * @param warmup rounds run first and not counted
     * @return per call name, its samples, in the order rawGet, sdkGet, rawPost, sdkPost, rawGet+deadline
     * @throws Exception when the loopback server cannot start or a call fails
     */
    static Map<String, Samples> measure(int rounds, int block, int warmup) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        CoreOverheadBenchmark bench = new CoreOverheadBenchmark();
        CoreOverheadBenchmark.Loopback state = new CoreOverheadBenchmark.Loopback();
        Map<String, Samples> out = new LinkedHashMap<>();
        CALLS.forEach(c -> out.put(c, new Samples()));
        state.start();
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                for (int k = 0; k < CALLS.size(); k++) {
                    // Rotate the order so no call always runs first or right after the same neighbour.
                    String call = CALLS.get((k + round) % CALLS.size());
                    long cpu = mx.getThreadCpuTime(self);
                    long bytes = mx.getThreadAllocatedBytes(self);
                    long start = System.nanoTime();
                    for (int i = 0; i < block; i++) {
                        sink = invoke(bench, state, call);
                    }
                    long wall = System.nanoTime() - start;
                    cpu = mx.getThreadCpuTime(self) - cpu;
                    bytes = mx.getThreadAllocatedBytes(self) - bytes;
                    if (round >= warmup) {
                        out.get(call).add(wall / 1000.0 / block, cpu / 1000.0 / block, (double) bytes / block);
                    }
                }
            }
        } finally {
            state.stop();
        }
        return out;
    }

    private static Offer invoke(CoreOverheadBenchmark b, CoreOverheadBenchmark.Loopback s, String name)
            throws Exception {
        switch (name) {
            case "rawGet":
                return b.rawGet(s);
            case "sdkGet":
                return b.sdkGet(s);
            case "rawPost":
                return b.rawPost(s);
            case "sdkPost":
                return b.sdkPost(s);
            case RAW_GET_WITH_DEADLINE:
                Call withDeadline = s.raw.newCall(CoreOverheadBenchmark.rawGetRequest(s));
                withDeadline.timeout().timeout(RetryPolicy.defaults().deadline().toMillis(), TimeUnit.MILLISECONDS);
                return CoreOverheadBenchmark.rawCall(withDeadline, s);
            default:
                throw new IllegalArgumentException("no call named " + name);
        }
    }

    /**
     * Per-round ratios of one metric between two calls.
     *
     * @param samples what {@link #measure(int, int, int)} returned
     * @param call the call measured, e.g. {@code "sdkGet"}
     * @param base the call it is compared with, e.g. {@code "rawGet"}
     * @param metric 0 wall time, 1 CPU time, 2 bytes
     * @return the ratios, sorted
     */
    static double[] ratios(Map<String, Samples> samples, String call, String base, int metric) {
        List<double[]> sdk = samples.get(call).rounds;
        List<double[]> raw = samples.get(base).rounds;
        double[] r = new double[sdk.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = sdk.get(i)[metric] / raw.get(i)[metric];
        }
        Arrays.sort(r);
        return r;
    }

    private static void print(Map<String, Samples> samples, int rounds, int block) {
        System.out.printf(Locale.ROOT, "%nInterleaved: %d rounds of %d calls per variant; per call, median over rounds"
                + "%n%-16s %10s %14s %12s%n", rounds, block, "", "wall us", "caller CPU us", "caller B");
        samples.forEach((call, s) -> System.out.printf(Locale.ROOT, "%-16s %10.1f %14.1f %12.0f%n", call,
                s.median(0), s.median(1), s.median(2)));
        System.out.println("Per-round ratios: median [interquartile range]");
        printRatios(samples, "SDK/raw GET", "sdkGet", "rawGet");
        printRatios(samples, "SDK/raw POST", "sdkPost", "rawPost");
        printRatios(samples, "deadline alone", RAW_GET_WITH_DEADLINE, "rawGet");
    }

    private static void printRatios(Map<String, Samples> samples, String label, String call, String base) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-15s", label));
        String[] metrics = {"wall", "caller CPU", "caller B"};
        for (int m = 0; m < 3; m++) {
            double[] r = ratios(samples, call, base, m);
            line.append(String.format(Locale.ROOT, "   %s %.3f [%.3f .. %.3f]", metrics[m], median(r),
                    r[r.length / 4], r[(3 * r.length) / 4]));
        }
        System.out.println(line);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
