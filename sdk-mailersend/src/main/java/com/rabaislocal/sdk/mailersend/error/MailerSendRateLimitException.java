package com.rabaislocal.sdk.mailersend.error;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.mailersend.RateLimitInfo;

/**
 * MailerSend is rate limiting this account (HTTP 429). {@link #retryAfter()} is the wait it asked for with
 * {@code Retry-After}, or, when it gave none, the time left until the next minute window (its limits are per
 * minute). {@link #rateLimit()} shows the per-minute limit and the daily quota.
 */
public class MailerSendRateLimitException extends RateLimitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what MailerSend answered
     */
    public MailerSendRateLimitException(ApiError error) {
        super(error);
    }

    /** @return the rate-limit and quota values of the answer */
    public RateLimitInfo rateLimit() {
        return RateLimitInfo.fromHeaderMap(error().headers());
    }
}
