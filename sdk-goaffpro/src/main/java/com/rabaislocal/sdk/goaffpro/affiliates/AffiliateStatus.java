package com.rabaislocal.sdk.goaffpro.affiliates;

import com.rabaislocal.sdk.core.json.OpenValue;

/**
 * An affiliate's status: {@code pending}, {@code approved}, {@code invited}, {@code rejected} or {@code blocked} (the last seen in feeds only).
 * Any other value the service sends reads as an unknown value ({@link #isKnown()} false) rather than failing.
 */
public final class AffiliateStatus extends OpenValue {

    private static final Vocabulary<AffiliateStatus> VOCABULARY = new Vocabulary<>(AffiliateStatus::new);

    /** Signed up, awaiting approval. */
    public static final AffiliateStatus PENDING = VOCABULARY.constant("pending");

    /** Approved: earns commissions. */
    public static final AffiliateStatus APPROVED = VOCABULARY.constant("approved");

    /** Invited by the merchant, not signed up yet (read only). */
    public static final AffiliateStatus INVITED = VOCABULARY.constant("invited");

    /** Refused by the merchant. */
    public static final AffiliateStatus REJECTED = VOCABULARY.constant("rejected");

    /** Blocked after approval (seen in feeds). */
    public static final AffiliateStatus BLOCKED = VOCABULARY.constant("blocked");

    private AffiliateStatus(String value, Boolean known) {
        super(value, known);
    }

    /**
     * Reads a wire value.
     *
     * @param value the text GoAffPro sent, any case
     * @return the constant, an unknown value, or null for null or blank
     */
    public static AffiliateStatus of(String value) {
        return VOCABULARY.of(value);
    }
}
