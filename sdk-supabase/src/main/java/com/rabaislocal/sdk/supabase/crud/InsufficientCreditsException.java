package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database refused a credit movement with SQLSTATE {@code RLC01} (answered by PostgREST as HTTP 400): the
 * user's balance is lower than the amount asked (spend, or a negative adjustment). {@link #balance()} and {@link
 * #requested()} come from the error's details ({@code balance B, requested R}). Nothing moved.
 */
public class InsufficientCreditsException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    private static final Pattern DETAILS = Pattern.compile("balance (\\d+), requested (\\d+)");

    /** The SQLSTATE the database raises for this refusal. */
    public static final String CODE = "RLC01";

    /**
     * Creates the exception.
     *
     * @param error what PostgREST answered, code {@value #CODE}
     */
    public InsufficientCreditsException(ApiError error) {
        super(error);
    }

    /** @return the balance when the movement was refused, from the error's details; empty if they did not say */
    public OptionalInt balance() {
        return detail(1);
    }

    /** @return the credits the movement asked for, from the error's details; empty if they did not say */
    public OptionalInt requested() {
        return detail(2);
    }

    private OptionalInt detail(int group) {
        Matcher m = DETAILS.matcher(error().details().orElse(""));
        if (!m.find()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(m.group(group)));
        } catch (NumberFormatException tooLarge) {
            return OptionalInt.empty();
        }
    }
}
