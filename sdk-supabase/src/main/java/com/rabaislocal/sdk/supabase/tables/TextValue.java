package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonValue;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.List;
import java.util.function.Function;

/**
 * What the typed text values of the tables ({@link AppRole}, {@link OfferStatus}, {@link ConsentType}) share: the
 * database's text, compared by value within one type, with known constants and open to values a later migration
 * adds (read as a value of that name rather than failing; {@code isKnown()} tells which).
 */
public abstract class TextValue {

    private final String value;

    TextValue(String value) {
        this.value = value;
    }

    /** Finds the known constant of a text, or makes an open value of it. */
    static <T extends TextValue> T of(String field, String text, List<T> known, Function<String, T> open,
                                      String examples) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "must be non-blank, e.g. " + examples);
        }
        // Kept exactly as given: the database compares text exactly, so "Merchant" is not "merchant".
        String v = text;
        for (T t : known) {
            if (t.value().equals(v)) {
                return t;
            }
        }
        return open.apply(v);
    }

    /** @return the value's text, as the database stores it */
    @JsonValue
    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((TextValue) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /** @return the value's text */
    @Override
    public final String toString() {
        return value;
    }
}
