package com.rabaislocal.sdk.goaffpro.rewards;

import com.rabaislocal.sdk.core.json.OpenValue;

/**
 * A reward's status: {@code pending}, {@code approved} or {@code rejected}.
 * Any other value the service sends reads as an unknown value ({@link #isKnown()} false) rather than failing.
 */
public final class RewardStatus extends OpenValue {

    private static final Vocabulary<RewardStatus> VOCABULARY = new Vocabulary<>(RewardStatus::new);

    /** Awaiting approval ({@code new} reads the same). */
    public static final RewardStatus PENDING = VOCABULARY.constant("pending", "new");

    /** Approved. */
    public static final RewardStatus APPROVED = VOCABULARY.constant("approved");

    /** Rejected. */
    public static final RewardStatus REJECTED = VOCABULARY.constant("rejected");

    private RewardStatus(String value, Boolean known) {
        super(value, known);
    }

    /**
     * Reads a wire value.
     *
     * @param value the text GoAffPro sent, any case
     * @return the constant, an unknown value, or null for null or blank
     */
    public static RewardStatus of(String value) {
        return VOCABULARY.of(value);
    }
}
