package com.rabaislocal.sdk.supabase.crud;

import java.util.Set;

/**
 * What the CRUD template needs to know about one table: its name and row type, how ids are chosen, which columns
 * the SDK writes, and whether rows are soft-deleted. Immutable.
 *
 * @param name the table name
 * @param rowType the record the rows bind to
 * @param ids how a new row gets its id
 * @param insertColumns the columns an insert may send (id included); others in the row are not sent
 * @param updateColumns the columns an update sends
 * @param notNull the {@code NOT NULL} columns among {@code updateColumns}: a null there means "unchanged"
 * @param serverStamped columns the database may overwrite on insert, left out when comparing a repeated insert
 * @param softDelete whether the table has {@code deleted_at}/{@code deleted_by}
 * @param <T> the row type
 */
record Table<T>(String name, Class<T> rowType, Ids ids, Set<String> insertColumns, Set<String> updateColumns,
                Set<String> notNull, Set<String> serverStamped, boolean softDelete) {

    /** The primary key column of every global table. */
    static final String ID = "id";
    /** The soft-delete timestamp column. */
    static final String DELETED_AT = "deleted_at";
    /** The author of a soft delete, stamped by the database. */
    static final String DELETED_BY = "deleted_by";
    /** Bookkeeping column left out of audit diffs, as the database's audit trigger does. */
    static final String UPDATED_AT = "updated_at";

    /** How a new row gets its id. */
    enum Ids {
        /** The repository picks a random UUID when the row has none, so a retried insert names the same row. */
        CLIENT_UUID,
        /** The caller must give it (a natural key, e.g. the Auth user id of a profile). */
        CALLER,
        /** The database assigns it (identity); the SDK does not insert into such tables. */
        SERVER
    }

    Table {
        insertColumns = Set.copyOf(insertColumns);
        updateColumns = Set.copyOf(updateColumns);
        notNull = Set.copyOf(notNull);
        serverStamped = Set.copyOf(serverStamped);
    }

    /** @return the description of a row in messages, e.g. {@code "offers row"} */
    String subject() {
        return name + " row";
    }
}
