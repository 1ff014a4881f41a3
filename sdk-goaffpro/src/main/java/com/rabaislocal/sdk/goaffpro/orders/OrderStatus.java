package com.rabaislocal.sdk.goaffpro.orders;

import com.rabaislocal.sdk.core.json.OpenValue;

/**
 * An order's (referral's) status. GoAffPro reads {@code new/approved/rejected} and writes {@code pending/approved/rejected}: both {@code new} and {@code pending} read as {@link #PENDING}, which is written as {@code pending}.
 * Any other value the service sends reads as an unknown value ({@link #isKnown()} false) rather than failing.
 */
public final class OrderStatus extends OpenValue {

    private static final Vocabulary<OrderStatus> VOCABULARY = new Vocabulary<>(OrderStatus::new);

    /** Awaiting approval (read as {@code new} or {@code pending}, written as {@code pending}). */
    public static final OrderStatus PENDING = VOCABULARY.constant("pending", "new");

    /** Approved: the commission counts. */
    public static final OrderStatus APPROVED = VOCABULARY.constant("approved");

    /** Rejected: no commission. */
    public static final OrderStatus REJECTED = VOCABULARY.constant("rejected");

    private OrderStatus(String value, Boolean known) {
        super(value, known);
    }

    /**
     * Reads a wire value.
     *
     * @param value the text GoAffPro sent, any case
     * @return the constant, an unknown value, or null for null or blank
     */
    public static OrderStatus of(String value) {
        return VOCABULARY.of(value);
    }
}
