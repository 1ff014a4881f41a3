package com.rabaislocal.sdk.supabase.db;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import java.util.Optional;

/**
 * Applying the database migrations failed or was refused: a file failed (its transaction was rolled back), an already
 * applied file was changed since, the migration index is inconsistent, the database could not be reached, or another
 * run held the migration lock for too long.
 *
 * <p>The message names the file and the SQLSTATE when there is one. It never contains the JDBC URL's credentials.
 */
public class MigrationException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    /** The migration file concerned, or {@code null}. */
    private final String filename;

    /** The SQLSTATE reported by the database, or {@code null}. */
    private final String sqlState;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, naming the file concerned
     * @param filename the migration file concerned, or {@code null} when the failure is not about one file
     * @param sqlState the SQLSTATE reported by the database, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public MigrationException(String message, String filename, String sqlState, Throwable cause) {
        super(message, cause);
        this.filename = filename;
        this.sqlState = sqlState;
    }

    /**
     * Creates an exception that is not about one file and has no database error.
     *
     * @param message what went wrong
     */
    public MigrationException(String message) {
        this(message, null, null, null);
    }

    /**
     * Returns the migration file concerned.
     *
     * @return the file name (for example {@code 03_module_a_create_legal_consents.sql}), or empty
     */
    public Optional<String> filename() {
        return Optional.ofNullable(filename);
    }

    /**
     * Returns the SQLSTATE the database reported.
     *
     * @return the five-character SQLSTATE (for example {@code 42P01}), or empty when the failure did not come from
     *     the database
     */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
