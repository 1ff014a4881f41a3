package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.RabaisSdkException;

/**
 * A repository operation named a row that this client cannot see: it does not exist, or Row Level Security hides
 * it from the caller (PostgREST cannot tell the two apart, by design). Nothing was changed.
 */
public class RowNotFoundException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final String id;

    /**
     * Creates the exception.
     *
     * @param operation what was attempted, e.g. {@code "update"}
     * @param table the table
     * @param id the row's id as text
     */
    public RowNotFoundException(String operation, String table, String id) {
        super(operation + " " + table + "/" + id + ": no such row for this client (it does not exist, or Row Level"
                + " Security hides it from this caller)");
        this.table = table;
        this.id = id;
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
