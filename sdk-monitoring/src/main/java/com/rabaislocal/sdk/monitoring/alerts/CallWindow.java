package com.rabaislocal.sdk.monitoring.alerts;

import com.rabaislocal.sdk.core.listener.RequestEvent;
import com.rabaislocal.sdk.core.listener.RequestListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * A sliding window over the SDK's own calls, fed as a {@link RequestListener} on the clients' options: the error
 * rate and the median latency the seed's alerts need. Keeps at most {@code maxCalls} calls (the oldest are dropped)
 * and only those within the window. Thread-safe.
 */
public final class CallWindow implements RequestListener {

    private record Call(Instant at, String service, boolean failed, long nanos) {
    }

    private final Duration window;
    private final int maxCalls;
    private final Clock clock;
    private final Deque<Call> calls = new ArrayDeque<>();

    /**
     * Creates a window.
     *
     * @param window how far back calls count, e.g. 5 min
     * @param maxCalls the most calls kept, e.g. 10,000
     * @param clock the clock stamping each call (a fake one in tests)
     */
    public CallWindow(Duration window, int maxCalls, Clock clock) {
        if (window == null || window.isZero() || window.isNegative() || maxCalls < 1) {
            throw new IllegalArgumentException("window must be positive and maxCalls at least 1");
        }
        this.window = window;
        this.maxCalls = maxCalls;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A five-minute window of at most 10,000 calls on the system clock.
     *
     * @return the window
     */
    public static CallWindow fiveMinutes() {
        return new CallWindow(Duration.ofMinutes(5), 10_000, Clock.systemUTC());
    }

    @Override
    public void onSuccess(RequestEvent event) {
        add(new Call(clock.instant(), event.service(), false, event.elapsed().toNanos()));
    }

    @Override
    public void onFailure(RequestEvent event, RuntimeException error) {
        add(new Call(clock.instant(), event.service(), true, event.elapsed().toNanos()));
    }

    private synchronized void add(Call c) {
        calls.addLast(c);
        while (calls.size() > maxCalls) {
            calls.removeFirst();
        }
    }

    private void prune(Instant now) {
        Instant from = now.minus(window);
        while (!calls.isEmpty() && calls.peekFirst().at().isBefore(from)) {
            calls.removeFirst();
        }
    }

    /**
     * The share of failed calls in the window.
     *
     * @param now the evaluation time
     * @param minCalls fewer calls than this give no reading (1 failure out of 2 is not an alert)
     * @return the rate in [0, 1] with its description, or empty
     */
    public synchronized Optional<ThresholdRule.Reading> errorRate(Instant now, int minCalls) {
        prune(now);
        int total = calls.size();
        if (total < minCalls || total == 0) {
            return Optional.empty();
        }
        long failed = calls.stream().filter(Call::failed).count();
        double rate = (double) failed / total;
        return Optional.of(new ThresholdRule.Reading(rate, String.format(java.util.Locale.ROOT,
                "error rate %.1f%% over the last %d min (%d of %d calls)", rate * 100, window.toMinutes(), failed,
                total)));
    }

    /**
     * The median duration of one service's calls in the window.
     *
     * @param service e.g. {@code supabase}
     * @param now the evaluation time
     * @param minCalls fewer calls than this give no reading
     * @return the median in milliseconds with its description, or empty
     */
    public synchronized Optional<ThresholdRule.Reading> medianLatency(String service, Instant now, int minCalls) {
        prune(now);
        long[] nanos = new long[calls.size()];
        int n = 0;
        for (Iterator<Call> it = calls.iterator(); it.hasNext(); ) {
            Call c = it.next();
            if (c.service().equals(service)) {
                nanos[n++] = c.nanos();
            }
        }
        if (n < minCalls || n == 0) {
            return Optional.empty();
        }
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        double medianMs = (n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0) / 1_000_000.0;
        return Optional.of(new ThresholdRule.Reading(medianMs, String.format(java.util.Locale.ROOT,
                "%s median latency %.0f ms over the last %d min (%d calls)", service, medianMs, window.toMinutes(),
                n)));
    }
}
