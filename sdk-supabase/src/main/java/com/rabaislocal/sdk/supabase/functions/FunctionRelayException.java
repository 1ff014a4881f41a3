package com.rabaislocal.sdk.supabase.functions;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;

/**
 * Supabase's relay in front of Edge Functions failed, not the function: the answer carried
 * {@code x-relay-error: true} (function not found or not deployed, boot error, resource limit, relay timeout). An
 * error the function answered itself is instead the sdk-core {@link ApiException} subclass of its status
 * ({@code InvalidRequestException} for 400, ...).
 */
public class FunctionRelayException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the relay answered
     */
    public FunctionRelayException(ApiError error) {
        super(error);
    }
}
