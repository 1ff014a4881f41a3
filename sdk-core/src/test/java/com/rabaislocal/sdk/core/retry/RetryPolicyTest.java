package com.rabaislocal.sdk.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy's values, validation and delay formula: capped exponential backoff with jitter when the server gave no
 * hint, the server's hint (capped) when it did.
 */
class RetryPolicyTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        RetryPolicy p = RetryPolicy.defaults();

        assertEquals(2, p.maxRetries());
        assertEquals(Duration.ofMillis(500), p.initialBackoff());
        assertEquals(Duration.ofSeconds(8), p.maxBackoff());
        assertEquals(0.75, p.minJitter());
        assertEquals(Duration.ofSeconds(60), p.maxRetryAfter());
        assertEquals(Set.of(408, 429, 500, 502, 503, 504), p.retryableStatuses());
        assertTrue(p.retryOnIoFailure());
        assertEquals(Duration.ofSeconds(60), p.deadline());
        assertSame(Sleeper.THREAD, p.sleeper());
    }

    @Test
    void noneNeverRetriesButKeepsTheDeadline() {
        assertEquals(0, RetryPolicy.none().maxRetries());
        assertEquals(Duration.ofSeconds(60), RetryPolicy.none().deadline());
    }

    @Test
    void isRetryableStatusFollowsTheList() {
        RetryPolicy p = RetryPolicy.defaults();
        for (int s : List.of(408, 429, 500, 502, 503, 504)) {
            assertTrue(p.isRetryableStatus(s), "HTTP " + s);
        }
        for (int s : List.of(200, 400, 401, 403, 404, 409, 422, 501, 505)) {
            assertFalse(p.isRetryableStatus(s), "HTTP " + s);
        }
        assertTrue(p.toBuilder().retryableStatuses(Set.of(409)).build().isRetryableStatus(409));
    }

    @Test
    void toBuilderKeepsEveryValue() {
        RecordingSleeper sleeper = RecordingSleeper.create();
        RetryPolicy p = sleeper.policy().maxRetries(5).initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(2)).minJitter(0.5).maxRetryAfter(Duration.ofSeconds(9))
                .retryableStatuses(Set.of(503)).retryOnIoFailure(false).deadline(Duration.ofSeconds(20))
                .random(() -> 0.25).build();

        RetryPolicy copy = p.toBuilder().build();

        assertEquals(5, copy.maxRetries());
        assertEquals(Duration.ofMillis(100), copy.initialBackoff());
        assertEquals(Duration.ofSeconds(2), copy.maxBackoff());
        assertEquals(0.5, copy.minJitter());
        assertEquals(Duration.ofSeconds(9), copy.maxRetryAfter());
        assertEquals(Set.of(503), copy.retryableStatuses());
        assertFalse(copy.retryOnIoFailure());
        assertEquals(Duration.ofSeconds(20), copy.deadline());
        assertSame(sleeper, copy.sleeper());
        assertSame(sleeper.clock(), copy.clock());
        // the random source came along too: 100 ms * (0.5 + 0.5 * 0.25)
        assertEquals(Duration.ofMillis(63), copy.delayBeforeRetry(1, null));
    }

    @Test
    void buildRejectsEveryInvalidSettingAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> RetryPolicy.builder().maxRetries(11)
                .initialBackoff(Duration.ZERO).minJitter(1.5).maxRetryAfter(Duration.ofSeconds(-1))
                .deadline(Duration.ZERO).sleeper(null).build());

        assertEquals(Set.of("maxRetries", "initialBackoff", "minJitter", "maxRetryAfter", "deadline",
                "sleeper/clock/random/retryableStatuses"), e.fieldErrors().keySet());
        assertTrue(e.getMessage().contains("maxRetries: must be between 0 and 10, was 11"), e.getMessage());
        assertTrue(e.getMessage().contains("RetryPolicy"), e.getMessage());
    }

    @Test
    void buildRejectsABackoffCapBelowTheFirstBackoff() {
        ValidationException e = assertThrows(ValidationException.class, () -> RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build());

        assertEquals(Set.of("maxBackoff"), e.fieldErrors().keySet());
    }

    @Test
    void buildRejectsNegativeRetriesAndNullStatuses() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> RetryPolicy.builder().maxRetries(-1).retryableStatuses(null).build());

        assertEquals(Set.of("maxRetries", "sleeper/clock/random/retryableStatuses"), e.fieldErrors().keySet());
    }

    @ParameterizedTest(name = "retry {0} waits {1} ms at the lowest jitter, {2} ms without jitter")
    @CsvSource({
        "1, 375, 500",
        "2, 750, 1000",
        "3, 1500, 2000",
        "4, 3000, 4000",
        "5, 6000, 8000",
        "6, 6000, 8000",
        "10, 6000, 8000",
    })
    void backoffDoublesUpToTheCap(int retry, long lowest, long unjittered) {
        RetryPolicy low = RetryPolicy.builder().random(() -> 0.0).build();
        RetryPolicy none = RetryPolicy.builder().minJitter(1.0).random(() -> 0.7).build();

        assertEquals(lowest, low.delayBeforeRetry(retry, null).toMillis());
        assertEquals(unjittered, none.delayBeforeRetry(retry, null).toMillis());
    }

    @Test
    void jitterStaysWithinItsBounds() {
        Random seeded = new Random(20250314L);
        RetryPolicy p = RetryPolicy.builder().random(seeded::nextDouble).build();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 2_000; i++) {
            long d = p.delayBeforeRetry(2, null).toMillis();
            assertTrue(d >= 750 && d <= 1000, "retry 2 must wait within [750, 1000] ms, waited " + d);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        // the jitter really spreads the delays, it is not a constant
        assertTrue(max - min > 200, "spread " + min + ".." + max);
    }

    @Test
    void jitterAtTheTopOfItsRangeNeverExceedsTheBase() {
        RetryPolicy p = RetryPolicy.builder().random(() -> Math.nextDown(1.0)).build();

        assertEquals(500, p.delayBeforeRetry(1, null).toMillis());
        assertEquals(8000, p.delayBeforeRetry(7, null).toMillis());
    }

    @Test
    void serverHintWinsOverBackoffAndIsCapped() {
        RetryPolicy p = RetryPolicy.builder().random(() -> 0.0).maxRetryAfter(Duration.ofSeconds(30)).build();

        assertEquals(Duration.ofSeconds(3), p.delayBeforeRetry(1, Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(3), p.delayBeforeRetry(4, Duration.ofSeconds(3)), "no doubling on hints");
        assertEquals(Duration.ZERO, p.delayBeforeRetry(1, Duration.ZERO));
        assertEquals(Duration.ofSeconds(30), p.delayBeforeRetry(1, Duration.ofHours(1)));
        assertEquals(Duration.ZERO, p.toBuilder().maxRetryAfter(Duration.ZERO).build()
                .delayBeforeRetry(1, Duration.ofSeconds(5)));
    }

    @Test
    void toStringNamesTheSettings() {
        String s = RetryPolicy.defaults().toString();

        assertTrue(s.contains("maxRetries=2"), s);
        assertTrue(s.contains("deadline=PT1M"), s);
    }
}
