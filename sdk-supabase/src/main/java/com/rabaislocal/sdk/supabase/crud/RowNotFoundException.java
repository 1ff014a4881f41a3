package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.error.NotFoundException;

/**
 * A repository operation named a row that this client cannot see: it does not exist, or Row Level Security hides
 * it from the caller (PostgREST cannot tell the two apart, by design). Nothing was changed.
 */
public class RowNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    /** The table. */
    private final String table;
    /** The row's id as text. */
    private final String id;

    /**
     * Creates the exception.
     *
     * @param operation what was attempted, e.g. {@code "update"}
     * @param table the table
     * @param id the row's id as text
     */
    public RowNotFoundException(String operation, String table, String id) {
        super(established("supabase", ErrorKind.NOT_FOUND, 404, text(operation, table, id)),
                text(operation, table, id), null);
        this.table = table;
        this.id = id;
    }

    private static String text(String operation, String table, String id) {
        return operation + " " + table + "/" + id + ": no such row for this client (it does not exist, or Row Level"
                + " Security hides it from this caller)";
    }

    /** @return the table */
    public String table() {
        return table;
    }

    /** @return the row's id as text */
    public String id() {
        return id;
    }
}
