package com.rabaislocal.sdk.webhooks.limit;

import com.rabaislocal.sdk.webhooks.internal.Problems;
import java.time.Duration;

/**
 * When an IP is blocked: {@code maxFailures} failed authentications within {@code window} (counted from the first
 * failure of the window) block it for {@code blockFor}.
 *
 * @param maxFailures failures that trigger the block; at least 1 (the seed's policy: 5)
 * @param window how long failures are counted together; at least 1 ms
 * @param blockFor how long the block lasts; at least 1 ms
 */
public record BlockPolicy(int maxFailures, Duration window, Duration blockFor) {

    /** The seed's policy: 5 failures within 10 minutes block the IP for 15 minutes. */
    public static final BlockPolicy DEFAULT = new BlockPolicy(5, Duration.ofMinutes(10), Duration.ofMinutes(15));

    /**
     * Checks the values.
     *
     * @param maxFailures failures that trigger the block; at least 1 (the seed's policy: 5)
     * @param window how long failures are counted together; at least 1 ms
     * @param blockFor how long the block lasts; at least 1 ms
     * @throws com.rabaislocal.sdk.core.error.ValidationException listing every value out of range
     */
    public BlockPolicy {
        Problems p = new Problems();
        p.require(maxFailures >= 1, "maxFailures", "must be at least 1, was " + maxFailures);
        p.require(window != null && window.toMillis() >= 1, "window", "must be at least 1 ms, was " + window);
        p.require(blockFor != null && blockFor.toMillis() >= 1, "blockFor", "must be at least 1 ms, was " + blockFor);
        p.throwIfAny("block policy");
    }
}
