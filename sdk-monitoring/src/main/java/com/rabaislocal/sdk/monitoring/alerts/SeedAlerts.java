package com.rabaislocal.sdk.monitoring.alerts;

import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The alerts of RabaisLocal's infrastructure document, each a rule with the seed's threshold and severity as
 * defaults (every factory also takes the threshold, so it is configurable):
 *
 * <table>
 *   <caption>The seed's alerts</caption>
 *   <tr><th>Rule name</th><th>Seed alert</th><th>Default</th><th>Severity</th></tr>
 *   <tr><td>{@code database-down}</td><td>database down</td><td>3 failed Supabase checks in a row</td>
 *       <td>critical</td></tr>
 *   <tr><td>{@code make-workflow-failures}</td><td>a Make.com workflow fails 5 times</td><td>5 in a row</td>
 *       <td>critical</td></tr>
 *   <tr><td>{@code tls-expiry}</td><td>TLS certificate expires within 7 days</td><td>7 days</td>
 *       <td>critical</td></tr>
 *   <tr><td>{@code error-rate}</td><td>error rate above 5%</td><td>5%, at least 20 calls in the window</td>
 *       <td>critical</td></tr>
 *   <tr><td>{@code database-latency}</td><td>database latency above 500 ms</td><td>median 500 ms, 5 calls</td>
 *       <td>warning</td></tr>
 *   <tr><td>{@code cpu}</td><td>CPU above 80%</td><td>80%</td><td>warning</td></tr>
 *   <tr><td>{@code storage}</td><td>storage above 90%</td><td>90% of any watched disk</td><td>warning</td></tr>
 *   <tr><td>{@code bounce-rate}</td><td>email bounce rate above 2%</td><td>2%</td><td>warning</td></tr>
 * </table>
 */
public final class SeedAlerts {

    private SeedAlerts() {
    }

    /**
     * Database down: the Supabase check failed {@code inARow} times in a row.
     *
     * @param supabase the Supabase health check
     * @param inARow failures in a row that fire, e.g. 3
     * @return the rule {@code database-down}, critical
     */
    public static ConsecutiveFailuresRule databaseDown(HealthCheck supabase, int inARow) {
        return new ConsecutiveFailuresRule("database-down", Severity.CRITICAL, supabase, inARow);
    }

    /**
     * A Make.com workflow fails {@code failures} times: the longest current run of consecutive failed executions
     * among the team's scenarios reaches it.
     *
     * @param consecutiveFailures scenario name to its current run of consecutive failures (sdk-make's
     *     {@code ScenarioHealth})
     * @param failures the count that fires, e.g. 5
     * @return the rule {@code make-workflow-failures}, critical
     */
    public static ThresholdRule makeWorkflowFailures(Supplier<Map<String, Integer>> consecutiveFailures,
                                                     int failures) {
        return ThresholdRule.atLeast("make-workflow-failures", Severity.CRITICAL, failures,
                failures + " failures in a row", now -> {
                    Map<String, Integer> m = consecutiveFailures.get();
                    if (m == null || m.isEmpty()) {
                        return Optional.empty();
                    }
                    Map.Entry<String, Integer> worst = m.entrySet().stream().max(Map.Entry.comparingByValue())
                            .orElseThrow();
                    List<String> failing = new ArrayList<>();
                    m.forEach((k, v) -> {
                        if (v >= failures) {
                            failing.add(k + " (" + v + ")");
                        }
                    });
                    String text = failing.isEmpty() ? "longest run of failures: " + worst.getKey() + " ("
                            + worst.getValue() + ")" : "failing scenarios: " + String.join(", ", failing);
                    return Optional.of(new ThresholdRule.Reading(worst.getValue(), text));
                });
    }

    /**
     * A TLS certificate expires within {@code within}: one rule over every watched host, read from real
     * handshakes at each evaluation. A host that cannot be reached is reported in the message and does not fire
     * on its own (the availability rules cover it).
     *
     * @param hosts {@code host:port} values, e.g. {@code rabaislocal.com:443}
     * @param within the warning period, e.g. 7 days
     * @param timeout each handshake's limit
     * @return the rule {@code tls-expiry}, critical
     */
    public static ThresholdRule tlsExpiry(List<String> hosts, Duration within, Duration timeout) {
        List<String> watched = List.copyOf(hosts);
        return ThresholdRule.atLeast("tls-expiry", Severity.CRITICAL, 1, "1 certificate expiring within "
                + within.toDays() + " days", now -> {
                    List<String> expiring = new ArrayList<>();
                    List<String> unreachable = new ArrayList<>();
                    for (String hp : watched) {
                        int colon = hp.lastIndexOf(':');
                        String host = colon < 0 ? hp : hp.substring(0, colon);
                        int port = colon < 0 ? 443 : Integer.parseInt(hp.substring(colon + 1));
                        try {
                            Instant end = TlsCertificates.notAfter(host, port, timeout);
                            if (end.isBefore(now.plus(within))) {
                                long days = Duration.between(now, end).toDays();
                                expiring.add(hp + " expires " + end + " (" + days + " days)");
                            }
                        } catch (IOException e) {
                            unreachable.add(hp + " (" + e.getClass().getSimpleName() + ")");
                        }
                    }
                    String text = (expiring.isEmpty() ? "no certificate expiring" : String.join("; ", expiring))
                            + (unreachable.isEmpty() ? "" : "; not read: " + String.join(", ", unreachable));
                    return Optional.of(new ThresholdRule.Reading(expiring.size(), text));
                });
    }

    /**
     * Error rate above {@code rate} over the window of the SDK's own calls.
     *
     * @param calls the window, registered as a listener on the clients
     * @param rate the limit in [0, 1], e.g. 0.05
     * @param minCalls fewer calls in the window give no reading, e.g. 20
     * @return the rule {@code error-rate}, critical
     */
    public static ThresholdRule errorRate(CallWindow calls, double rate, int minCalls) {
        return ThresholdRule.above("error-rate", Severity.CRITICAL, rate, percent(rate),
                now -> calls.errorRate(now, minCalls));
    }

    /**
     * Database latency above {@code limit}: the median duration of Supabase calls in the window.
     *
     * @param calls the window
     * @param limit e.g. 500 ms
     * @param minCalls fewer Supabase calls give no reading, e.g. 5
     * @return the rule {@code database-latency}, warning
     */
    public static ThresholdRule databaseLatency(CallWindow calls, Duration limit, int minCalls) {
        return ThresholdRule.above("database-latency", Severity.WARNING, limit.toMillis(), limit.toMillis() + " ms",
                now -> calls.medianLatency("supabase", now, minCalls));
    }

    /**
     * CPU above {@code limit} on the host the application runs on.
     *
     * @param load the CPU load in [0, 1]; {@link #systemCpuLoad()} for the real host
     * @param limit e.g. 0.80
     * @return the rule {@code cpu}, warning
     */
    public static ThresholdRule cpu(DoubleSupplier load, double limit) {
        return ThresholdRule.above("cpu", Severity.WARNING, limit, percent(limit), now -> {
            double v = load.getAsDouble();
            return v < 0 || Double.isNaN(v) ? Optional.empty()
                    : Optional.of(new ThresholdRule.Reading(v, "CPU " + percent(v)));
        });
    }

    /**
     * Storage above {@code limit} on any watched disk (include the audit spool's directory).
     *
     * @param paths paths on the disks to watch, e.g. the spool directory and {@code /}
     * @param limit e.g. 0.90
     * @return the rule {@code storage}, warning
     */
    public static ThresholdRule storage(List<Path> paths, double limit) {
        List<Path> watched = List.copyOf(paths);
        return storage(watched, limit, SeedAlerts::usedShare);
    }

    /**
     * The same with a way to read a disk's used share, for tests.
     *
     * @param paths the paths
     * @param limit e.g. 0.90
     * @param usedShare a path's disk usage in [0, 1]
     * @return the rule {@code storage}, warning
     */
    public static ThresholdRule storage(List<Path> paths, double limit,
                                        java.util.function.ToDoubleFunction<Path> usedShare) {
        List<Path> watched = List.copyOf(paths);
        return ThresholdRule.above("storage", Severity.WARNING, limit, percent(limit), now -> {
            Path worst = null;
            double max = -1;
            for (Path p : watched) {
                double v = usedShare.applyAsDouble(p);
                if (v > max) {
                    max = v;
                    worst = p;
                }
            }
            return worst == null || max < 0 ? Optional.empty()
                    : Optional.of(new ThresholdRule.Reading(max, "disk of " + worst + " " + percent(max) + " used"));
        });
    }

    /**
     * Email bounce rate above {@code limit} (sdk-mailersend's bounce-rate figure).
     *
     * @param bounceRate the rate in [0, 1] over its window, or empty when too few emails were delivered
     * @param limit e.g. 0.02
     * @return the rule {@code bounce-rate}, warning
     */
    public static ThresholdRule bounceRate(Supplier<OptionalDouble> bounceRate, double limit) {
        return ThresholdRule.above("bounce-rate", Severity.WARNING, limit, percent(limit), now -> {
            OptionalDouble r = bounceRate.get();
            return r.isEmpty() ? Optional.empty()
                    : Optional.of(new ThresholdRule.Reading(r.getAsDouble(), "bounce rate "
                            + percent(r.getAsDouble())));
        });
    }

    /**
     * The host's recent CPU load, from the JVM's operating-system bean.
     *
     * @return the load in [0, 1], or -1 when the platform does not tell
     */
    public static double systemCpuLoad() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getCpuLoad();
        }
        return -1;
    }

    private static double usedShare(Path p) {
        try {
            FileStore store = Files.getFileStore(Files.exists(p) ? p : p.toAbsolutePath().getRoot());
            long total = store.getTotalSpace();
            return total <= 0 ? -1 : 1.0 - (double) store.getUsableSpace() / total;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
