package com.rabaislocal.sdk.supabase.crud;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects field errors for the built-in validators and argument checks; each rule mirrors a database constraint. */
final class Checks {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    Checks add(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        return this;
    }

    /** A value that must be present. */
    Checks required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
        return this;
    }

    /** Text: when {@code required}, present and not blank; when present, not blank and at most {@code max} long. */
    Checks text(String field, String value, boolean required, int max) {
        if (value == null) {
            if (required) {
                add(field, "is required");
            }
        } else if (value.isBlank()) {
            add(field, "must not be blank");
        } else if (value.length() > max) {
            add(field, "is " + value.length() + " characters, over the limit of " + max);
        }
        return this;
    }

    /** Text that may be empty but not longer than {@code max}. */
    Checks maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "is " + value.length() + " characters, over the limit of " + max);
        }
        return this;
    }

    /** When present, one of the allowed values. */
    <T> Checks oneOf(String field, T value, Collection<T> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(field, "must be one of " + allowed + " (was \"" + value + "\")");
        }
        return this;
    }

    /** When present, matching the pattern. */
    Checks matches(String field, String value, Pattern pattern, String what) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(field, "must be " + what + " (was \"" + value + "\")");
        }
        return this;
    }

    /** When present, a decimal in [min, max] (min excluded if {@code minExclusive}), at most {@code scale} decimals. */
    Checks decimal(String field, BigDecimal value, BigDecimal min, boolean minExclusive, BigDecimal max, int scale) {
        if (value == null) {
            return this;
        }
        int low = value.compareTo(min);
        if (low < 0 || (minExclusive && low == 0) || value.compareTo(max) > 0) {
            add(field, "must be " + (minExclusive ? "more than " : "at least ") + min.toPlainString() + " and at most "
                    + max.toPlainString() + " (was " + value.toPlainString() + ")");
        }
        if (value.stripTrailingZeros().scale() > scale) {
            add(field, "must have at most " + scale + " decimals (was " + value.toPlainString() + ")");
        }
        return this;
    }

    /** When present, an integer of at least {@code min}. */
    Checks atLeast(String field, Integer value, int min) {
        if (value != null && value < min) {
            add(field, "must be at least " + min + " (was " + value + ")");
        }
        return this;
    }

    Map<String, List<String>> result() {
        return errors;
    }
}
