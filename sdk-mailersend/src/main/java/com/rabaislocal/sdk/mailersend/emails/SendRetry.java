package com.rabaislocal.sdk.mailersend.emails;

/**
 * How a send may be repeated. MailerSend has no idempotency key: a send re-sent after an answer that never came
 * (a read timeout) or after a 500/502/504 may deliver the email twice.
 */
public enum SendRetry {
    /**
     * The default: retried only when MailerSend says it did not act on the request (429, honouring
     * {@code Retry-After}, else the next minute; 421 maintenance; 503) or when the connection failed before anything
     * was sent.
     */
    SAFE_ONLY,
    /**
     * Also retried after other 5xx answers, 408 and read timeouts, accepting that the email may arrive twice (for
     * emails where a duplicate is harmless, such as a password-reset code).
     */
    ALSO_UNCERTAIN
}
