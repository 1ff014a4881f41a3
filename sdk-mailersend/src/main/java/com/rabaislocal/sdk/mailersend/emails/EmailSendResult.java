package com.rabaislocal.sdk.mailersend.emails;

import com.rabaislocal.sdk.mailersend.RateLimitInfo;
import com.rabaislocal.sdk.mailersend.error.EmailNotSentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What MailerSend answered to a send: accepted (HTTP 202), which is not yet delivered; the outcome arrives later
 * through webhooks or the activity API.
 *
 * <p>Check {@link #status()}: {@link Status#ALL_SUPPRESSED} means <strong>nothing was sent</strong> although the
 * answer was a success; {@link #requireSent()} turns it into an exception for callers that prefer one.
 *
 * @param status accepted, partly suppressed, or all suppressed
 * @param messageId the {@code X-Message-Id} (24 hex digits), empty only when nothing was sent
 * @param warnings the answer's warnings, in order
 * @param rateLimit the rate-limit and quota values of the answer
 */
public record EmailSendResult(Status status, Optional<String> messageId, List<SendWarning> warnings,
                              RateLimitInfo rateLimit) {

    /** The outcome of a send at MailerSend's door. */
    public enum Status {
        /** Accepted for every recipient. */
        ACCEPTED,
        /** Accepted, but some recipients were suppressed ({@code SOME_SUPPRESSED}). */
        PARTLY_SUPPRESSED,
        /** Every recipient was suppressed ({@code ALL_SUPPRESSED}): nothing was sent. */
        ALL_SUPPRESSED
    }

    /** Copies the warnings. */
    public EmailSendResult {
        warnings = List.copyOf(warnings);
    }

    /** @return true unless every recipient was suppressed */
    public boolean sent() {
        return status != Status.ALL_SUPPRESSED;
    }

    /** @return every suppressed recipient of every warning, in order */
    public List<SuppressedRecipient> suppressedRecipients() {
        List<SuppressedRecipient> out = new ArrayList<>();
        warnings.forEach(w -> out.addAll(w.recipients()));
        return out;
    }

    /**
     * Returns this result when something was sent.
     *
     * @return this result
     * @throws EmailNotSentException when every recipient was suppressed
     */
    public EmailSendResult requireSent() {
        if (!sent()) {
            throw new EmailNotSentException(suppressedRecipients());
        }
        return this;
    }
}
