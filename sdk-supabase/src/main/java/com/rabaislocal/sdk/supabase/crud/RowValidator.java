package com.rabaislocal.sdk.supabase.crud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a row before a repository sends it. A repository runs its validator on every insert and update before any
 * request; when the validator reports anything, the repository throws one
 * {@link com.rabaislocal.sdk.core.error.ValidationException} listing every failing field and sends nothing.
 *
 * <pre>{@code
 * RowValidator<Offer> noBars = offer -> offer.title() != null && offer.title().contains("bar")
 *         ? Map.of("title", List.of("must not mention bars")) : Map.of();
 * OffersRepository offers = crud.offers().withValidator(OffersRepository.defaultValidator().and(noBars));
 * }</pre>
 *
 * @param <T> the row type
 */
@FunctionalInterface
public interface RowValidator<T> {

    /**
     * Checks a row.
     *
     * @param row the row, never null
     * @return each failing field (the column name, e.g. {@code "discount_percent"}) with its messages; empty when
     *     the row is valid. Never null.
     */
    Map<String, List<String>> validate(T row);

    /**
     * Combines this validator with another: both run, and their messages are merged field by field.
     *
     * @param other the other validator
     * @return a validator reporting what either reports
     */
    default RowValidator<T> and(RowValidator<? super T> other) {
        if (other == null) {
            throw new com.rabaislocal.sdk.core.error.ValidationException("other", "must not be null");
        }
        return row -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Map<String, List<String>> part : List.of(validate(row), other.validate(row))) {
                part.forEach((field, messages) -> out.computeIfAbsent(field, k -> new ArrayList<>()).addAll(messages));
            }
            return out;
        };
    }

    /**
     * Returns a validator that accepts every row, for tables whose database constraints are enough.
     *
     * @param <T> the row type
     * @return the validator
     */
    static <T> RowValidator<T> none() {
        return row -> Map.of();
    }
}
