package com.rabaislocal.sdk.webhooks.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules every state store follows; the Redis one across two instances, the in-memory one within one. */
abstract class StateStoreContract {

    final FakeClock clock = FakeClock.create();
    /** The two instances' views: two Redis stores on one prefix, or one in-memory store twice. */
    StateStore a;
    StateStore b;

    abstract void open();

    abstract void close();

    @BeforeEach
    void openStores() {
        open();
    }

    @AfterEach
    void closeStores() {
        close();
    }

    @Test
    void thirtyRequestsSpreadOverTwoInstancesAdmitExactlyTen() {
        int admitted = 0;
        for (int i = 0; i < 30; i++) {
            StateStore instance = i % 2 == 0 ? a : b;
            if (instance.rateLimiter().tryAcquire("203.0.113.7", RateLimit.WEBHOOK_DEFAULT).allowed()) {
                admitted++;
            }
        }
        assertEquals(10, admitted);
    }

    @Test
    void theVirtualClockRefillsTheSharedBucketAfterAMinute() {
        for (int i = 0; i < 10; i++) {
            assertTrue(a.rateLimiter().tryAcquire("198.51.100.1", RateLimit.WEBHOOK_DEFAULT).allowed());
        }
        RateLimitDecision refused = b.rateLimiter().tryAcquire("198.51.100.1", RateLimit.WEBHOOK_DEFAULT);
        assertFalse(refused.allowed());
        assertEquals(60, refused.retryAfterSeconds());
        clock.advance(Duration.ofSeconds(30));
        RateLimitDecision stillRefused = a.rateLimiter().tryAcquire("198.51.100.1", RateLimit.WEBHOOK_DEFAULT);
        assertFalse(stillRefused.allowed());
        assertEquals(30, stillRefused.retryAfterSeconds());
        clock.advance(Duration.ofSeconds(30));
        RateLimitDecision again = b.rateLimiter().tryAcquire("198.51.100.1", RateLimit.WEBHOOK_DEFAULT);
        assertTrue(again.allowed());
        assertEquals(9, again.remaining());
        // Another IP has its own bucket.
        assertTrue(a.rateLimiter().tryAcquire("198.51.100.2", RateLimit.WEBHOOK_DEFAULT).allowed());
    }

    @Test
    void failuresSeenByBothInstancesBlockTheIpOnBoth() {
        BlockPolicy policy = new BlockPolicy(5, Duration.ofMinutes(10), Duration.ofMinutes(15));
        BlockList onA = a.blockList(policy);
        BlockList onB = b.blockList(policy);
        assertFalse(onA.recordFailure("192.0.2.9"));
        assertFalse(onB.recordFailure("192.0.2.9"));
        assertFalse(onA.recordFailure("192.0.2.9"));
        assertFalse(onB.recordFailure("192.0.2.9"));
        assertTrue(onB.blockedFor("192.0.2.9").isEmpty());
        assertTrue(onA.recordFailure("192.0.2.9"));
        assertEquals(Duration.ofMinutes(15), onB.blockedFor("192.0.2.9").orElseThrow());
        clock.advance(Duration.ofMinutes(14));
        assertEquals(Duration.ofMinutes(1), onA.blockedFor("192.0.2.9").orElseThrow());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(onA.blockedFor("192.0.2.9").isEmpty());
        assertTrue(onB.blockedFor("192.0.2.10").isEmpty());
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        BlockList list = a.blockList(new BlockPolicy(5, Duration.ofMinutes(10), Duration.ofMinutes(15)));
        for (int i = 0; i < 4; i++) {
            assertFalse(list.recordFailure("192.0.2.20"));
        }
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 4; i++) {
            assertFalse(b.blockList(BlockPolicy.DEFAULT).recordFailure("192.0.2.20"));
        }
        assertTrue(list.blockedFor("192.0.2.20").isEmpty());
        assertTrue(list.recordFailure("192.0.2.20"));
        list.unblock("192.0.2.20");
        assertTrue(b.blockList(BlockPolicy.DEFAULT).blockedFor("192.0.2.20").isEmpty());
    }

    @Test
    void aClaimWinsOnceAcrossInstancesUntilReleased() {
        assertTrue(a.idempotency().claim("evt-1", Duration.ofHours(1)));
        assertFalse(b.idempotency().claim("evt-1", Duration.ofHours(1)));
        b.idempotency().release("evt-1");
        assertTrue(b.idempotency().claim("evt-1", Duration.ofHours(1)));
        assertFalse(a.idempotency().claim("evt-1", Duration.ofHours(1)));
    }
}
