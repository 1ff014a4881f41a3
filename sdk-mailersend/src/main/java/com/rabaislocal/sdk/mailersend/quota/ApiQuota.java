package com.rabaislocal.sdk.mailersend.quota;

import java.time.Instant;
import java.util.Optional;

/**
 * The account's daily API quota ({@code GET /api-quota}).
 *
 * @param quota requests allowed per day
 * @param remaining requests left today
 * @param reset when the quota resets (the next UTC midnight)
 */
public record ApiQuota(long quota, long remaining, Optional<Instant> reset) {

    /** @return the share of today's quota still available, in [0, 1]; 1 when the quota is 0 or unlimited */
    public double remainingShare() {
        return quota <= 0 || remaining < 0 ? 1.0 : Math.max(0.0, Math.min(1.0, (double) remaining / quota));
    }
}
