package com.rabaislocal.sdk.webhooks.limit;

import java.time.Duration;
import java.util.Optional;

/**
 * Blocks an IP after repeated failed authentications, following a {@link BlockPolicy}. From a {@link StateStore}: in
 * memory, or on Redis so that failures seen by any instance count together and a block holds on every instance.
 *
 * <p>Thread-safe.
 */
public interface BlockList {

    /**
     * Tells whether an IP is blocked now.
     *
     * @param ip the client IP
     * @return the time left on its block, or empty when it is not blocked
     */
    Optional<Duration> blockedFor(String ip);

    /**
     * Records one failed authentication from an IP; the failure that reaches the policy's count blocks it.
     *
     * @param ip the client IP
     * @return true when this failure blocked the IP
     */
    boolean recordFailure(String ip);

    /**
     * Lifts a block and forgets the IP's failures (an operator's action).
     *
     * @param ip the client IP
     */
    void unblock(String ip);
}
