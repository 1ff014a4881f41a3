package com.rabaislocal.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterleavedComparisonTest {

    @Test
    void countsOnlyTheRoundsAfterWarmUpForEveryCall() throws Exception {
        Map<String, InterleavedComparison.Samples> samples = InterleavedComparison.measure(3, 5, 1);
        assertEquals(List.of("rawGet", "sdkGet", "rawPost", "sdkPost", "rawGet+deadline"),
                List.copyOf(samples.keySet()));
        samples.forEach((call, s) -> {
            assertEquals(3, s.rounds.size(), call);
            for (double[] r : s.rounds) {
                // Each call binds a ~400-byte JSON offer: well over a kilobyte of garbage, and some time.
                assertTrue(r[0] > 0 && r[1] > 0 && r[2] > 1000, call + " " + java.util.Arrays.toString(r));
            }
        });
        double[] get = InterleavedComparison.ratios(samples, "sdkGet", "rawGet", 2);
        assertEquals(3, get.length);
        assertTrue(get[0] <= get[1] && get[1] <= get[2], "sorted");
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, InterleavedComparison.median(new double[] {3, 1, 2}));
        assertEquals(2.5, InterleavedComparison.median(new double[] {4, 1, 3, 2}));
    }
}
