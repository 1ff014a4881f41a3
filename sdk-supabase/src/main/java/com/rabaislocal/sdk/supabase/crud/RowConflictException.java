package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import java.util.List;

/**
 * An insert named an id that another row already holds. An insert never overwrites: the existing row is left as it
 * was. An insert repeated with the same values (a retry after a lost answer) is not a conflict: the repository then
 * returns the row that is there.
 */
public class RowConflictException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final String id;
    private final List<String> differingColumns;

    /**
     * Creates the exception.
     *
     * @param table the table
     * @param id the id both rows share, as text
     * @param differingColumns the columns whose values differ; empty when the existing row cannot be read
     */
    public RowConflictException(String table, String id, List<String> differingColumns) {
        super("insert " + table + "/" + id + ": a row with this id already exists" + (differingColumns.isEmpty()
                ? " and this client cannot read it" : " with other values in " + differingColumns)
                + "; an insert never overwrites a row (update it, or insert with another id)");
        this.table = table;
        this.id = id;
        this.differingColumns = List.copyOf(differingColumns);
    }

    /** @return the table */
    public String table() {
        return table;
    }

    /** @return the id both rows share, as text */
    public String id() {
        return id;
    }

    /** @return the columns whose values differ; empty when the existing row cannot be read */
    public List<String> differingColumns() {
        return differingColumns;
    }
}
