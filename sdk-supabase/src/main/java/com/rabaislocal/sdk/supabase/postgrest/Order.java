package com.rabaislocal.sdk.supabase.postgrest;

import java.util.Objects;

/**
 * How {@link FilterBuilder#order(String, Order)} sorts: direction, where nulls go, and on which embedded resource.
 * Immutable: {@code Order.desc().nullsLast().referencedTable("offers")}.
 */
public final class Order {

    private static final Order ASC = new Order(true, null, null);
    private static final Order DESC = new Order(false, null, null);

    private final boolean ascending;
    private final Boolean nullsFirst;
    private final String referencedTable;

    private Order(boolean ascending, Boolean nullsFirst, String referencedTable) {
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
        this.referencedTable = referencedTable;
    }

    /** @return ascending, nulls where PostgreSQL puts them (last) */
    public static Order asc() {
        return ASC;
    }

    /** @return descending, nulls where PostgreSQL puts them (first) */
    public static Order desc() {
        return DESC;
    }

    /** @return this order with {@code .nullsfirst} */
    public Order nullsFirst() {
        return new Order(ascending, true, referencedTable);
    }

    /** @return this order with {@code .nullslast} */
    public Order nullsLast() {
        return new Order(ascending, false, referencedTable);
    }

    /**
     * Sorts the rows of an embedded resource instead of the top-level ones ({@code offers.order=...}).
     *
     * @param table the embedded resource's name or alias, as written in {@code select}
     * @return this order on that resource
     */
    public Order referencedTable(String table) {
        return new Order(ascending, nullsFirst, table);
    }

    /** @return whether the order is ascending */
    public boolean ascending() {
        return ascending;
    }

    /** @return the embedded resource sorted, or null for the top level */
    public String referencedTable() {
        return referencedTable;
    }

    /** @return the term as sent, e.g. {@code created_at.desc.nullslast} */
    String term(String column) {
        String t = column + (ascending ? ".asc" : ".desc");
        if (nullsFirst != null) {
            t += nullsFirst ? ".nullsfirst" : ".nullslast";
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order && ((Order) o).ascending == ascending
                && Objects.equals(((Order) o).nullsFirst, nullsFirst)
                && Objects.equals(((Order) o).referencedTable, referencedTable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ascending, nullsFirst, referencedTable);
    }

    @Override
    public String toString() {
        return "Order{" + term("column") + (referencedTable == null ? "" : " on " + referencedTable) + '}';
    }
}
