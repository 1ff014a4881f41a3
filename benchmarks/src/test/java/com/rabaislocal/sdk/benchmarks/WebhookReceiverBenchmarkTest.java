package com.rabaislocal.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark's in-memory cases run their operation and get the 200 they measure. */
class WebhookReceiverBenchmarkTest {

    @Test
    void inMemoryCasesAnswer200() {
        for (String ips : new String[] {"one", "many"}) {
            WebhookReceiverBenchmark b = new WebhookReceiverBenchmark();
            b.limiter = "memory";
            b.ips = ips;
            b.setUp();
            try {
                for (int i = 0; i < 50; i++) {
                    assertEquals(200, b.signedDelivery());
                }
            } finally {
                b.tearDown();
            }
        }
    }
}
