package com.rabaislocal.sdk.make.hooks;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.NotFoundException;

/**
 * The webhook answered 410 ("Webhook not found."): it was deleted, or Make retired it after 5 days unattached to a
 * scenario. Permanent: read the current address again ({@code hooks().get(id)}) instead of retrying.
 */
public class HookGoneException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what the hook answered
     */
    public HookGoneException(ApiError error) {
        super(error);
    }
}
