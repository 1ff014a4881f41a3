package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.webhooks.api.ApiRateLimiter;
import com.rabaislocal.sdk.webhooks.limit.BlockPolicy;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiRateLimiterTest {

    private final FakeClock clock = FakeClock.create();
    private final StateStore store = StateStore.inMemory(clock);

    @Test
    void hundredAMinutePerIpWithHeaders() {
        ApiRateLimiter api = ApiRateLimiter.builder().stateStore(store).build();
        for (int i = 0; i < 100; i++) {
            ApiRateLimiter.Decision d = api.check("203.0.113.1", "GET", "/api/offers", null);
            assertTrue(d.allowed());
            assertEquals("100", d.headers().get("X-RateLimit-Limit"));
            assertEquals(Integer.toString(99 - i), d.headers().get("X-RateLimit-Remaining"));
        }
        ApiRateLimiter.Decision refused = api.check("203.0.113.1", "GET", "/api/offers", "abc");
        assertFalse(refused.allowed());
        StandardResponse r = refused.refusal().orElseThrow();
        assertEquals(429, r.status());
        assertEquals("rate_limited", r.code().code());
        assertEquals("abc", r.requestId());
        assertEquals("60", r.header("Retry-After"));
        assertEquals("0", r.header("X-RateLimit-Remaining"));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(api.check("203.0.113.1", "GET", "/api/offers", null).allowed());
    }

    @Test
    void routesHaveTheirOwnLimitsAndBuckets() {
        ApiRateLimiter api = ApiRateLimiter.builder().stateStore(store)
                .route("/api/auth/", RateLimit.perMinute(3))
                .route("POST", "/api/auth/login", RateLimit.perMinute(2)).build();
        assertTrue(api.check("192.0.2.1", "POST", "/api/auth/login", null).allowed());
        assertTrue(api.check("192.0.2.1", "POST", "/api/auth/login", null).allowed());
        ApiRateLimiter.Decision third = api.check("192.0.2.1", "post", "/api/auth/login", null);
        assertFalse(third.allowed());
        assertEquals("2", third.headers().get("X-RateLimit-Limit"));
        assertEquals("3", api.check("192.0.2.1", "GET", "/api/auth/me", null).headers().get("X-RateLimit-Limit"));
        assertEquals("100", api.check("192.0.2.1", "GET", "/api/x", null).headers().get("X-RateLimit-Limit"));
    }

    @Test
    void theBlockListIsSharedWithTheWebhooks() {
        ApiRateLimiter api = ApiRateLimiter.builder().stateStore(store).build();
        for (int i = 0; i < 4; i++) {
            assertFalse(store.blockList(BlockPolicy.DEFAULT).recordFailure("198.51.100.3"));
        }
        assertTrue(api.recordAuthenticationFailure("198.51.100.3"));
        ApiRateLimiter.Decision d = api.check("198.51.100.3", "GET", "/api/offers", null);
        assertEquals(403, d.refusal().orElseThrow().status());
        assertEquals("ip_blocked", d.refusal().orElseThrow().code().code());
        assertEquals("900", d.headers().get("Retry-After"));
    }
}
