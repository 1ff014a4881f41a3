package com.rabaislocal.sdk.core.json;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The base of the SDK's open enumerations (a service's statuses and types, a table's text values): a known set of
 * constants, plus any other value the service or the database sends, kept as an unknown value instead of failing.
 * Vocabularies grow (GoAffPro's differ by endpoint; a later migration adds an offer status), so a closed Java enum
 * would break on the first new word. Shared by the service modules: GoAffPro's statuses, Supabase's
 * {@code OfferStatus}, {@code AppRole}, {@code ConsentType}.
 *
 * <p>Two values are equal when they are of the same type and have the same {@link #value()}. Immutable.
 */
public abstract class OpenValue {

    private final String value;
    private final boolean known;

    /**
     * Creates a value.
     *
     * @param value the wire text, lower case
     * @param known whether it is one of the type's constants
     */
    protected OpenValue(String value, boolean known) {
        this.value = Objects.requireNonNull(value, "value");
        this.known = known;
    }

    /** @return the wire text, e.g. {@code "approved"}; also its JSON form */
    @JsonValue
    public final String value() {
        return value;
    }

    /** @return true for one of the type's constants, false for a value the SDK does not know */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenValue) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }

    /**
     * The constants of one open type and how to make an unknown value of it.
     *
     * @param <T> the open type
     */
    protected static final class Vocabulary<T extends OpenValue> {
        private final Map<String, T> known = new LinkedHashMap<>();
        private final BiFunction<String, Boolean, T> maker;
        private final boolean exact;

        /**
         * Starts a vocabulary whose texts are read case-insensitively (lower-cased and stripped), as a service's
         * loosely written statuses are.
         *
         * @param maker the type's constructor: wire text and whether it is known
         */
        public Vocabulary(BiFunction<String, Boolean, T> maker) {
            this(maker, false);
        }

        private Vocabulary(BiFunction<String, Boolean, T> maker, boolean exact) {
            this.maker = maker;
            this.exact = exact;
        }

        /**
         * Starts a vocabulary whose texts are compared exactly, as a database compares text ({@code Merchant} is not
         * {@code merchant}).
         *
         * @param maker the type's constructor: wire text and whether it is known
         * @param <T> the open type
         * @return the vocabulary
         */
        public static <T extends OpenValue> Vocabulary<T> exact(BiFunction<String, Boolean, T> maker) {
            return new Vocabulary<>(maker, true);
        }

        /** @return the constants, in the order they were declared (aliases not repeated) */
        public List<T> constants() {
            return List.copyOf(new java.util.LinkedHashSet<>(known.values()));
        }

        /**
         * Declares a constant.
         *
         * @param value its wire text
         * @param aliases other wire texts that mean the same (read only)
         * @return the constant
         */
        public T constant(String value, String... aliases) {
            T c = maker.apply(value, Boolean.TRUE);
            known.put(value, c);
            for (String a : aliases) {
                known.put(a, c);
            }
            return c;
        }

        /**
         * Reads a wire text: a constant when known (aliases included; case-insensitive unless the vocabulary is
         * {@link #exact}), else an unknown value.
         *
         * @param raw the text, possibly null
         * @return the value, or null for null or blank
         */
        public T of(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            String v = exact ? raw : raw.strip().toLowerCase(Locale.ROOT);
            T c = known.get(v);
            return c != null ? c : maker.apply(v, Boolean.FALSE);
        }
    }
}
