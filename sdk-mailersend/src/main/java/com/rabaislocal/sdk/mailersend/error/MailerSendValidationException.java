package com.rabaislocal.sdk.mailersend.error;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.mailersend.RateLimitInfo;

/**
 * MailerSend refused the request as invalid (HTTP 422): {@link #fieldErrors()} holds its {@code errors} map, dotted
 * paths ({@code to.0.email}, {@code personalization.0.data}) to messages, in the order MailerSend gave them. Never
 * retried. A request the SDK could refuse itself fails earlier with a
 * {@link com.rabaislocal.sdk.core.error.ValidationException}.
 */
public class MailerSendValidationException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what MailerSend answered
     */
    public MailerSendValidationException(ApiError error) {
        super(error);
    }

    /** @return the rate-limit and quota values of the answer */
    public RateLimitInfo rateLimit() {
        return RateLimitInfo.fromHeaderMap(error().headers());
    }
}
