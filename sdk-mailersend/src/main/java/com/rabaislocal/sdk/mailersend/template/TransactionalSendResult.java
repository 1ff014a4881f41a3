package com.rabaislocal.sdk.mailersend.template;

import com.rabaislocal.sdk.mailersend.RateLimitInfo;
import com.rabaislocal.sdk.mailersend.emails.EmailSendResult;
import com.rabaislocal.sdk.mailersend.emails.SuppressedRecipient;
import java.util.List;

/**
 * A transactional email MailerSend accepted.
 *
 * @param kind the email
 * @param locale its language
 * @param templateId the template it was sent with
 * @param messageId the {@code X-Message-Id}, to match webhook events
 * @param status accepted, or partly suppressed (for a send to several addresses)
 * @param suppressed the recipients MailerSend did not send to
 * @param rateLimit the rate-limit and quota values of the answer
 */
public record TransactionalSendResult(EmailKind kind, EmailLocale locale, String templateId, String messageId,
                                      EmailSendResult.Status status, List<SuppressedRecipient> suppressed,
                                      RateLimitInfo rateLimit) {

    /** Copies the list. */
    public TransactionalSendResult {
        suppressed = List.copyOf(suppressed);
    }
}
