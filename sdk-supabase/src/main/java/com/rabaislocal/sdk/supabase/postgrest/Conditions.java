package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The conditions of an {@code or}/{@code and} tree, built with the same filter methods as a query:
 * <pre>{@code
 * from("offers").select("*")
 *     .or(c -> c.ilike("title", "*" + userInput + "*")
 *               .and(a -> a.gte("price", 10).lt("price", 20)))
 * }</pre>
 * sends {@code or=(title.ilike."*50% off, today*",and(price.gte.10,price.lt.20))}. Every value is quoted and
 * escaped as PostgREST's tree grammar requires, so user input cannot add a condition. Not thread-safe; used only
 * inside the lambda that receives it.
 */
public final class Conditions implements Filterable<Conditions> {

    private final List<String> terms = new ArrayList<>();

    Conditions() {
    }

    /**
     * Adds a condition with any operator.
     *
     * @param column the column of the tree's table (a JSON path is allowed); names that are not plain identifiers
     *     are quoted
     * @param operator as for {@link Filterable#filter(String, String, Object)}
     * @param value as for {@link Filterable#filter(String, String, Object)}
     * @return these conditions
     */
    @Override
    public Conditions filter(String column, String operator, Object value) {
        requireColumn(column);
        Encoding.Op op = Encoding.operator(operator);
        Encoding.Rendered r = Encoding.value(column, op, value);
        terms.add(Encoding.treeColumn(column) + "." + op.wire() + "." + Encoding.treeValue(r));
        return this;
    }

    /**
     * Adds a nested {@code and(...)} group.
     *
     * @param group fills the group; at least one condition
     * @return these conditions
     */
    public Conditions and(Consumer<Conditions> group) {
        terms.add("and(" + render(group) + ")");
        return this;
    }

    /**
     * Adds a nested {@code or(...)} group.
     *
     * @param group fills the group; at least one condition
     * @return these conditions
     */
    public Conditions or(Consumer<Conditions> group) {
        terms.add("or(" + render(group) + ")");
        return this;
    }

    /**
     * Adds a negated {@code not.and(...)} group.
     *
     * @param group fills the group; at least one condition
     * @return these conditions
     */
    public Conditions notAnd(Consumer<Conditions> group) {
        terms.add("not.and(" + render(group) + ")");
        return this;
    }

    /**
     * Adds a negated {@code not.or(...)} group.
     *
     * @param group fills the group; at least one condition
     * @return these conditions
     */
    public Conditions notOr(Consumer<Conditions> group) {
        terms.add("not.or(" + render(group) + ")");
        return this;
    }

    /**
     * Runs a lambda on fresh conditions and renders them, comma-separated, without the enclosing parentheses.
     *
     * @throws ValidationException when the lambda added nothing
     */
    static String render(Consumer<Conditions> group) {
        if (group == null) {
            throw new ValidationException("conditions", "must not be null");
        }
        Conditions c = new Conditions();
        group.accept(c);
        if (c.terms.isEmpty()) {
            throw new ValidationException("conditions", "an and/or group needs at least one condition");
        }
        return String.join(",", c.terms);
    }

    static void requireColumn(String column) {
        if (column == null || column.isBlank()) {
            throw new ValidationException("column", "is required");
        }
    }

    /** @return the rendered conditions, as sent inside the parentheses */
    @Override
    public String toString() {
        return String.join(",", terms);
    }
}
