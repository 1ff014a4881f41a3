package com.rabaislocal.sdk.goaffpro.rewards;

import com.rabaislocal.sdk.core.json.OpenValue;

/**
 * A reward's type: {@code signup_bonus}, {@code sale_commission}, {@code recruitment_bonus} or {@code target_bonus}.
 * Any other value the service sends reads as an unknown value ({@link #isKnown()} false) rather than failing.
 */
public final class RewardType extends OpenValue {

    private static final Vocabulary<RewardType> VOCABULARY = new Vocabulary<>(RewardType::new);

    /** A bonus for signing up. */
    public static final RewardType SIGNUP_BONUS = VOCABULARY.constant("signup_bonus");

    /** A commission on a sale. */
    public static final RewardType SALE_COMMISSION = VOCABULARY.constant("sale_commission");

    /** A bonus for recruiting another affiliate. */
    public static final RewardType RECRUITMENT_BONUS = VOCABULARY.constant("recruitment_bonus");

    /** A bonus for reaching a target. */
    public static final RewardType TARGET_BONUS = VOCABULARY.constant("target_bonus");

    private RewardType(String value, Boolean known) {
        super(value, known);
    }

    /**
     * Reads a wire value.
     *
     * @param value the text GoAffPro sent, any case
     * @return the constant, an unknown value, or null for null or blank
     */
    public static RewardType of(String value) {
        return VOCABULARY.of(value);
    }
}
