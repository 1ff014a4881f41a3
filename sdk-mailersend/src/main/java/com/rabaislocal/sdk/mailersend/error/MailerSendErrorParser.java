package com.rabaislocal.sdk.mailersend.error;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.http.ErrorParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Reads MailerSend's error answers: {@code {"message": "...", "errors": {"<dotted.path>": ["...", ...]}}}, the
 * {@code errors} map kept in order. 422 becomes a {@link MailerSendValidationException}, 429 a
 * {@link MailerSendRateLimitException}; 401, 403, 404 and 5xx the kit's exceptions of their family; 421
 * (maintenance) a {@link com.rabaislocal.sdk.core.error.ServerException}, since it is the service that is
 * unavailable, not the request that is wrong.
 *
 * <p>A 429 without {@code Retry-After} is given the time left until the next minute (plus one second), because
 * MailerSend's limits are per minute. Thread-safe.
 */
public final class MailerSendErrorParser implements ErrorParser {

    private final Clock clock;

    /**
     * Creates the parser.
     *
     * @param clock the clock that tells when the next minute starts (the retry policy's)
     */
    public MailerSendErrorParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void parse(String body, ApiError.Builder error) {
        ErrorParser.generic().parse(body, error);
        int status = error.httpStatus();
        if (status == 421) {
            error.kind(ErrorKind.SERVER);
        }
        if (status == 429 && error.firstHeader("Retry-After").isEmpty()
                && error.firstHeader("Retry-After-Ms").isEmpty()) {
            Instant now = clock.instant();
            Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plusSeconds(1);
            error.retryAfter(Duration.between(now, nextMinute));
        }
    }

    @Override
    public ApiException exception(ApiError error) {
        if (error.httpStatus() == 422 && error.kind() == ErrorKind.INVALID_REQUEST) {
            return new MailerSendValidationException(error);
        }
        if (error.kind() == ErrorKind.RATE_LIMIT) {
            return new MailerSendRateLimitException(error);
        }
        return ApiException.of(error);
    }

    /**
     * Reads the rate-limit and quota values of any MailerSend error.
     *
     * @param e an exception thrown by {@code MailerSendClient}
     * @return the values its answer carried
     */
    public static com.rabaislocal.sdk.mailersend.RateLimitInfo rateLimitOf(ApiException e) {
        return com.rabaislocal.sdk.mailersend.RateLimitInfo.fromHeaderMap(e.error().headers());
    }

    @Override
    public String toString() {
        return "MailerSendErrorParser";
    }
}
