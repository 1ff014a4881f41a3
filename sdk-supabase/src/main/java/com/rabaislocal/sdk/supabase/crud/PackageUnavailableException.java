package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.InvalidRequestException;

/**
 * The database refused a credit movement with SQLSTATE {@code RLC03} (answered by PostgREST as HTTP 400): the
 * package of a purchase does not exist or is not active (no longer on sale). Nothing moved.
 */
public class PackageUnavailableException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /** The SQLSTATE the database raises for this refusal. */
    public static final String CODE = "RLC03";

    /**
     * Creates the exception.
     *
     * @param error what PostgREST answered, code {@value #CODE}
     */
    public PackageUnavailableException(ApiError error) {
        super(error);
    }
}
