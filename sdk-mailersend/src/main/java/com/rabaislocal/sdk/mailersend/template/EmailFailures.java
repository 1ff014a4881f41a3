package com.rabaislocal.sdk.mailersend.template;

import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.internal.Retrier;
import com.rabaislocal.sdk.mailersend.error.EmailNotSentException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Classifies any failure of a send into a {@link TransactionalEmailException}: the one table of what is permanent
 * and what is transient (see docs/MAILERSEND.md).
 */
public final class EmailFailures {

    private EmailFailures() {
    }

    /**
     * @param kind the email
     * @param failure what the send threw
     * @return the classified exception (the failure itself when it already is one)
     */
    public static TransactionalEmailException classify(EmailKind kind, RuntimeException failure) {
        if (failure instanceof TransactionalEmailException) {
            return (TransactionalEmailException) failure;
        }
        if (failure instanceof EmailNotSentException) {
            return of(kind, FailureReason.SUPPRESSED, false, null, failure);
        }
        if (failure instanceof ValidationException) {
            return of(kind, addressProblem(((ValidationException) failure).fieldErrors())
                    ? FailureReason.INVALID_ADDRESS : FailureReason.VALIDATION, false, null, failure);
        }
        if (failure instanceof ConfigException) {
            return of(kind, FailureReason.CONFIGURATION, false, null, failure);
        }
        if (failure instanceof RequestTimeoutException) {
            // A deadline that ran out while waiting out a rate limit is still a rate limit.
            if (failure.getCause() instanceof RateLimitException) {
                RateLimitException r = (RateLimitException) failure.getCause();
                return of(kind, FailureReason.RATE_LIMIT, false, r.retryAfter().orElse(null), failure);
            }
            if (failure.getCause() instanceof ServerException) {
                return of(kind, FailureReason.OUTAGE, false, null, failure);
            }
            return of(kind, FailureReason.TIMEOUT, !connectFailure(failure), null, failure);
        }
        if (failure instanceof TransportException) {
            return of(kind, FailureReason.NETWORK, !connectFailure(failure), null, failure);
        }
        if (failure instanceof UnexpectedResponseException) {
            return of(kind, FailureReason.UNEXPECTED_RESPONSE, true, null, failure);
        }
        if (failure instanceof RateLimitException) {
            return of(kind, FailureReason.RATE_LIMIT, false, ((RateLimitException) failure).retryAfter().orElse(null),
                    failure);
        }
        if (failure instanceof ServerException) {
            int s = ((ServerException) failure).httpStatus();
            // 421 and 503 say MailerSend did nothing; after a 500/502/504 the email may have gone out.
            return of(kind, FailureReason.OUTAGE, s != 421 && s != 503, null, failure);
        }
        if (failure instanceof AuthenticationException) {
            return of(kind, FailureReason.AUTHENTICATION, false, null, failure);
        }
        if (failure instanceof PermissionDeniedException) {
            return of(kind, FailureReason.PERMISSION, false, null, failure);
        }
        if (failure instanceof NotFoundException) {
            return of(kind, FailureReason.CONFIGURATION, false, null, failure);
        }
        if (failure instanceof InvalidRequestException) {
            return of(kind, addressProblem(((InvalidRequestException) failure).fieldErrors())
                    ? FailureReason.INVALID_ADDRESS : FailureReason.VALIDATION, false, null, failure);
        }
        if (failure instanceof ApiException) {
            int s = ((ApiException) failure).httpStatus();
            return of(kind, s == 408 ? FailureReason.TIMEOUT : FailureReason.VALIDATION, s == 408, null, failure);
        }
        // Anything else is a bug or a state the SDK cannot judge: do not re-send what may have gone out.
        return of(kind, FailureReason.UNEXPECTED_RESPONSE, true, null, failure);
    }

    private static boolean addressProblem(Map<String, java.util.List<String>> fields) {
        for (String f : fields.keySet()) {
            if (f.startsWith("to.") || f.equals("to") || f.startsWith("cc.") || f.startsWith("bcc.")
                    || f.startsWith("recipient")) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException && Retrier.isConnectFailure((IOException) c)) {
                return true;
            }
        }
        return false;
    }

    private static TransactionalEmailException of(EmailKind kind, FailureReason reason, boolean possiblySent,
                                                  Duration retryAfter, Throwable cause) {
        return new TransactionalEmailException(kind, reason, possiblySent, retryAfter, cause);
    }
}
