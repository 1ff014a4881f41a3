package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.InvalidRequestException;

/**
 * The database refused a credit movement with SQLSTATE {@code RLC02} (answered by PostgREST as HTTP 400): the
 * idempotency key was already used for a different request (another user, kind, amount, reason or package). A
 * repeated call with the same parameters is not an error: it returns the first result. Use a new key for a new
 * operation. Nothing moved.
 */
public class IdempotencyKeyReusedException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /** The SQLSTATE the database raises for this refusal. */
    public static final String CODE = "RLC02";

    /**
     * Creates the exception.
     *
     * @param error what PostgREST answered, code {@value #CODE}
     */
    public IdempotencyKeyReusedException(ApiError error) {
        super(error);
    }
}
