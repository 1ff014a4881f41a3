package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;

/**
 * The SDK refused an operation before sending anything, because the client it would run on may not do it: a hard
 * delete ({@code purge}) or a credit purchase on a client that is not the service-role client. Nothing was sent.
 *
 * <p>A refusal answered by the database itself (Row Level Security, a missing privilege) is a
 * {@link com.rabaislocal.sdk.core.error.PermissionDeniedException} instead.
 */
public class CrudPermissionException extends PermissionDeniedException {

    private static final long serialVersionUID = 1L;

    /** What was refused. */
    private final String operation;

    /**
     * Creates the exception.
     *
     * @param operation what was refused, e.g. {@code "purge offers/6f1c..."}
     * @param message why, and what to do instead
     */
    public CrudPermissionException(String operation, String message) {
        super(established("supabase", ErrorKind.PERMISSION_DENIED, 403, operation + " refused: " + message),
                operation + " refused: " + message, null);
        this.operation = operation;
    }

    /** @return what was refused, e.g. {@code "purge offers/6f1c..."} */
    public String operation() {
        return operation;
    }
}
