package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateListParams;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateUpdateParams;
import com.rabaislocal.sdk.goaffpro.orders.OrderCreateParams;
import com.rabaislocal.sdk.goaffpro.payments.PaymentCreateParams;
import com.rabaislocal.sdk.goaffpro.rewards.RewardCreateParams;
import com.rabaislocal.sdk.goaffpro.rewards.RewardType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class RetryTest extends WireTestBase {

    private static final OrderCreateParams ORDER = OrderCreateParams.builder("1001", new BigDecimal("58.00"))
            .refCode("ANA").build();

    @Test
    void getIsRetriedOn429And502To504HonouringRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{}").build());
        enqueue(502, "<html>bad gateway</html>");
        enqueue(503, "");
        enqueue("{\"affiliates\":[]}");

        assertEquals(0, client.affiliates().page(AffiliateListParams.all(), 0).items().size());

        assertEquals(4, server.getRequestCount());
        assertEquals(Duration.ofSeconds(7), sleeper.delays().get(0));
        assertEquals(3, sleeper.count());
    }

    @Test
    void status500IsNotRetried() {
        enqueue(500, "{\"error\":\"internal\"}");
        assertThrows(ServerException.class, () -> client.affiliates().page(AffiliateListParams.all(), 0));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void patchAndDeleteAreRetried() throws Exception {
        enqueue(503, "");
        enqueue("{\"success\":true}");
        client.affiliates().update("1", AffiliateUpdateParams.builder().phone("1").build());
        assertEquals(2, server.getRequestCount());

        enqueue(504, "");
        enqueue("{\"success\":true}");
        client.orders().delete("1");
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void postIsNeverRetriedOnAnErrorStatus() {
        enqueue(503, "{\"error\":\"busy\"}");
        assertThrows(ServerException.class, () -> client.orders().create(ORDER));
        enqueue(502, "");
        assertThrows(ServerException.class, () -> client.rewards().create(List.of(RewardCreateParams.builder("1",
                BigDecimal.TEN, RewardType.SIGNUP_BONUS).build())));
        enqueue(429, "");
        assertThrows(com.rabaislocal.sdk.core.error.RateLimitException.class, () -> client.payments().markPaid(
                List.of(PaymentCreateParams.builder("1", BigDecimal.TEN).build())));
        assertEquals(3, server.getRequestCount());
        assertEquals(0, sleeper.count());
    }

    @Test
    void aPostWhoseAnswerTimesOutIsSentOnceAndTheDedupeHelperFindsTheOrder() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"success\":true}")
                .headersDelay(3, TimeUnit.SECONDS).build());
        try (GoAffProClient quick = builder().timeout(Duration.ofMillis(300)).build()) {
            assertThrows(RequestTimeoutException.class, () -> quick.orders().create(ORDER));
            assertEquals("POST", take().getMethod());

            enqueue("{\"orders\":[{\"id\":\"101\",\"number\":\"1001\",\"total\":\"58.00\"}]}");
            assertEquals("101", quick.orders().findByNumber("1001").orElseThrow().id());
            assertEquals("GET", take().getMethod());
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aGetWhoseAnswerTimesOutIsRetried() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"affiliates\":[]}")
                .headersDelay(3, TimeUnit.SECONDS).build());
        enqueue("{\"affiliates\":[]}");
        try (GoAffProClient quick = builder().timeout(Duration.ofMillis(300)).build()) {
            quick.affiliates().page(AffiliateListParams.all(), 0);
        }
        assertEquals(2, server.getRequestCount());
    }
}
