package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.ErrorKind;
import java.util.List;

/**
 * An insert named an id that another row already holds. An insert never overwrites: the existing row is left as it
 * was. An insert repeated with the same values (a retry after a lost answer) is not a conflict: the repository then
 * returns the row that is there.
 */
public class RowConflictException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /** The table. */
    private final String table;
    /** The id both rows share. */
    private final String id;
    /** The columns whose values differ. */
    private final List<String> differingColumns;

    /**
     * Creates the exception.
     *
     * @param table the table
     * @param id the id both rows share, as text
     * @param differingColumns the columns whose values differ; empty when the existing row cannot be read
     */
    public RowConflictException(String table, String id, List<String> differingColumns) {
        this("insert " + table + "/" + id + ": a row with this id already exists" + (differingColumns.isEmpty()
                ? " and this client cannot read it" : " with other values in " + differingColumns)
                + "; an insert never overwrites a row (update it, or insert with another id)", table, id,
                differingColumns);
    }

    private RowConflictException(String message, String table, String id, List<String> differingColumns) {
        super(established("supabase", ErrorKind.CONFLICT, 409, message), message, null);
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
