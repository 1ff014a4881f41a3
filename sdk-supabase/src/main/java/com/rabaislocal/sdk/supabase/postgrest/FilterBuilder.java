package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.function.Consumer;

/**
 * A request that filters rows (select, update, delete, rpc): every {@link Filterable} method, logic trees
 * ({@code or}/{@code and}), ordering and paging.
 *
 * <p>Top-level filter values are sent literally, as PostgREST reads them to the end of the parameter: a value
 * never needs quoting there and is never quoted. Repeating a column ANDs its filters.
 *
 * @param <B> the concrete builder type
 */
public abstract class FilterBuilder<B extends FilterBuilder<B>> extends PostgrestBuilder<B> implements Filterable<B> {

    FilterBuilder(PostgrestContext ctx, String method, String subject, java.util.List<String> path) {
        super(ctx, method, subject, path);
    }

    /**
     * Adds {@code column=operator.value}.
     *
     * @param column the column; {@code rel.col} filters the embedded resource {@code rel}
     * @param operator as described on {@link Filterable#filter(String, String, Object)}
     * @param value as described on {@link Filterable#filter(String, String, Object)}
     * @return this builder
     */
    @Override
    public B filter(String column, String operator, Object value) {
        Conditions.requireColumn(column);
        Encoding.Op op = Encoding.operator(operator);
        Encoding.Rendered r = Encoding.value(column, op, value);
        filters.add(entry(column, op.wire() + "." + r.text));
        return self();
    }

    /**
     * Matches rows meeting at least one of the conditions ({@code or=(...)}); values are quoted and escaped, so
     * user input is safe here.
     *
     * @param conditions fills the tree, e.g. {@code c -> c.eq("status", "active").gt("stock", 0)}
     * @return this builder
     */
    public B or(Consumer<Conditions> conditions) {
        return logic("or", Conditions.render(conditions), null);
    }

    /**
     * Matches rows of an embedded resource meeting at least one of the conditions ({@code rel.or=(...)}).
     *
     * @param conditions fills the tree
     * @param referencedTable the embedded resource, as named in {@code select}
     * @return this builder
     */
    public B or(Consumer<Conditions> conditions, String referencedTable) {
        return logic("or", Conditions.render(conditions), referencedTable);
    }

    /**
     * Adds a raw {@code or} tree, sent as written: {@code or("status.eq.active,stock.gt.0")}. The caller must
     * quote and escape values; never build this string from user input, use {@link #or(Consumer)}.
     *
     * @param filters the tree's content, without the enclosing parentheses
     * @return this builder
     */
    public B or(String filters) {
        return logic("or", requireRaw(filters), null);
    }

    /**
     * Adds a raw {@code or} tree on an embedded resource, sent as written.
     *
     * @param filters the tree's content, without parentheses
     * @param referencedTable the embedded resource
     * @return this builder
     */
    public B or(String filters, String referencedTable) {
        return logic("or", requireRaw(filters), referencedTable);
    }

    /**
     * Adds an {@code and=(...)} tree: useful for several conditions on an embedded resource, or nested in
     * {@code not}.
     *
     * @param conditions fills the tree
     * @return this builder
     */
    public B and(Consumer<Conditions> conditions) {
        return logic("and", Conditions.render(conditions), null);
    }

    /**
     * Adds an {@code and=(...)} tree on an embedded resource.
     *
     * @param conditions fills the tree
     * @param referencedTable the embedded resource
     * @return this builder
     */
    public B and(Consumer<Conditions> conditions, String referencedTable) {
        return logic("and", Conditions.render(conditions), referencedTable);
    }

    /**
     * Matches rows meeting none of the conditions ({@code not.or=(...)}).
     *
     * @param conditions fills the tree
     * @return this builder
     */
    public B notOr(Consumer<Conditions> conditions) {
        return logic("not.or", Conditions.render(conditions), null);
    }

    /**
     * Matches rows not meeting all of the conditions ({@code not.and=(...)}).
     *
     * @param conditions fills the tree
     * @return this builder
     */
    public B notAnd(Consumer<Conditions> conditions) {
        return logic("not.and", Conditions.render(conditions), null);
    }

    private B logic(String op, String content, String referencedTable) {
        String key = referencedTable == null ? op : requireTable(referencedTable) + "." + op;
        filters.add(entry(key, "(" + content + ")"));
        return self();
    }

    private static String requireRaw(String filters) {
        if (filters == null || filters.isBlank()) {
            throw new ValidationException("or", "needs at least one condition");
        }
        return filters;
    }

    private static String requireTable(String table) {
        if (table.isBlank()) {
            throw new ValidationException("referencedTable", "must not be blank");
        }
        return table;
    }

    /**
     * Sorts ascending by a column; call again to add a tie-breaker.
     *
     * @param column the column (a JSON path is allowed)
     * @return this builder
     */
    public B order(String column) {
        return order(column, Order.asc());
    }

    /**
     * Sorts by a column; calls add terms in order ({@code order=a.desc,b.asc}).
     *
     * @param column the column (a JSON path is allowed)
     * @param order direction, nulls placement and optional embedded resource
     * @return this builder
     */
    public B order(String column, Order order) {
        Conditions.requireColumn(column);
        String key = order.referencedTable() == null ? "order" : requireTable(order.referencedTable()) + ".order";
        modifiers.merge(key, order.term(column), (a, b) -> a + "," + b);
        return self();
    }

    /**
     * Returns at most {@code count} rows ({@code limit=count}).
     *
     * @param count at least 0
     * @return this builder
     */
    public B limit(long count) {
        return limit(count, null);
    }

    /**
     * Returns at most {@code count} rows of an embedded resource per parent row ({@code rel.limit=count}).
     *
     * @param count at least 0
     * @param referencedTable the embedded resource, or null for the top level
     * @return this builder
     */
    public B limit(long count, String referencedTable) {
        if (count < 0) {
            throw new ValidationException("limit", "must not be negative, was " + count);
        }
        modifiers.put(key(referencedTable, "limit"), Long.toString(count));
        return self();
    }

    /**
     * Returns rows {@code from} to {@code to}, both inclusive and 0-based ({@code offset=from&limit=to-from+1}).
     *
     * @param from first row, at least 0
     * @param to last row, at least {@code from}
     * @return this builder
     */
    public B range(long from, long to) {
        return range(from, to, null);
    }

    /**
     * Returns rows {@code from} to {@code to} of an embedded resource.
     *
     * @param from first row, at least 0
     * @param to last row, at least {@code from}
     * @param referencedTable the embedded resource, or null for the top level
     * @return this builder
     */
    public B range(long from, long to, String referencedTable) {
        if (from < 0 || to < from) {
            throw new ValidationException("range", "needs 0 <= from <= to, was " + from + ".." + to);
        }
        modifiers.put(key(referencedTable, "offset"), Long.toString(from));
        modifiers.put(key(referencedTable, "limit"), Long.toString(to - from + 1));
        return self();
    }

    /**
     * Has PostgREST refuse and roll back the write when it would affect more than {@code rows} rows
     * ({@code Prefer: handling=strict, max-affected=rows}; PostgREST 13 or later, on update, delete and rpc).
     * The refusal surfaces as {@link UnexpectedRowCountException}.
     *
     * @param rows at least 0
     * @return this builder
     */
    public B maxAffected(int rows) {
        if (rows < 0) {
            throw new ValidationException("maxAffected", "must not be negative, was " + rows);
        }
        this.maxAffected = rows;
        return self();
    }

    private static String key(String referencedTable, String name) {
        return referencedTable == null ? name : requireTable(referencedTable) + "." + name;
    }

    /** @return whether at least one filter restricts the top-level rows (not only an embedded resource) */
    boolean hasRootFilter() {
        for (java.util.Map.Entry<String, String> f : filters) {
            String k = f.getKey();
            if (k.startsWith("\"") || !k.contains(".") || k.equals("not.or") || k.equals("not.and")) {
                return true;
            }
        }
        return false;
    }

    /** Refuses an update or delete without filters: it would change every row of the table. */
    void requireRootFilter(String what) {
        if (!hasRootFilter()) {
            throw new ValidationException(what + " on " + subject, java.util.Map.of("filters", java.util.List.of(
                    "none restricts the table's rows, so every row would be changed; add a filter such as"
                    + " eq(\"id\", id) (a filter on an embedded resource does not count). PostgREST behind"
                    + " Supabase refuses such a statement too (21000)")));
        }
    }
}
