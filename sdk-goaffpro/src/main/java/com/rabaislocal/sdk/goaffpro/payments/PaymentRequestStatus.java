package com.rabaislocal.sdk.goaffpro.payments;

import com.rabaislocal.sdk.core.json.OpenValue;

/**
 * A payout request's status: {@code in_progress}, {@code paid} or {@code rejected}.
 * Any other value the service sends reads as an unknown value ({@link #isKnown()} false) rather than failing.
 */
public final class PaymentRequestStatus extends OpenValue {

    private static final Vocabulary<PaymentRequestStatus> VOCABULARY = new Vocabulary<>(PaymentRequestStatus::new);

    /** Requested by the affiliate, not handled yet. */
    public static final PaymentRequestStatus IN_PROGRESS = VOCABULARY.constant("in_progress");

    /** Paid. */
    public static final PaymentRequestStatus PAID = VOCABULARY.constant("paid");

    /** Refused. */
    public static final PaymentRequestStatus REJECTED = VOCABULARY.constant("rejected");

    private PaymentRequestStatus(String value, Boolean known) {
        super(value, known);
    }

    /**
     * Reads a wire value.
     *
     * @param value the text GoAffPro sent, any case
     * @return the constant, an unknown value, or null for null or blank
     */
    public static PaymentRequestStatus of(String value) {
        return VOCABULARY.of(value);
    }
}
