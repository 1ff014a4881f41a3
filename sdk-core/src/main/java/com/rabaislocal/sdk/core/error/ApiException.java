package com.rabaislocal.sdk.core.error;

import java.util.Optional;

/**
 * A service answered with an error status. Carries the full {@link ApiError}: service, status, the service's code
 * and message, request id, whether it is retryable, and the raw body.
 *
 * <p>Use {@link #of(ApiError)} to get the subclass that fits the status.
 */
public class ApiException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    /**
     * Creates an exception for the given error.
     *
     * @param error what the service answered
     */
    public ApiException(ApiError error) {
        super(describe(error));
        this.error = error;
    }

    /**
     * Creates an exception of a family for an outcome the SDK itself established rather than an error status the
     * service sent (a row that is not there, a token refused locally, an operation refused before sending): it is
     * caught with the family, and carries its own message.
     *
     * @param error the error in the family's terms (its {@link ApiError#kind() kind} and the status that outcome
     *     has in HTTP)
     * @param message the whole message; must hold no secret
     * @param cause the underlying failure, or null
     */
    protected ApiException(ApiError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    /**
     * The error of an outcome the SDK established itself: the service, the family and the status that outcome has
     * in HTTP, the message, not retryable.
     *
     * @param service the service, e.g. {@code "supabase"}
     * @param kind the family
     * @param httpStatus the status the outcome has in HTTP terms, e.g. 404 for a row that is not there
     * @param message what happened, without secrets
     * @return the error
     */
    protected static ApiError established(String service, ErrorKind kind, int httpStatus, String message) {
        return ApiError.builder().service(service).httpStatus(httpStatus).kind(kind).message(message)
                .retryable(false).build();
    }

    /**
     * Returns the exception subclass that fits the error's {@link ApiError#kind() family} (by default its status):
     * 400/422 {@link InvalidRequestException}, 401 {@link AuthenticationException}, 403
     * {@link PermissionDeniedException}, 404 {@link NotFoundException}, 409 {@link ConflictException}, 429
     * {@link RateLimitException}, 5xx {@link ServerException}, anything else {@link UnexpectedStatusException}.
     *
     * @param error what the service answered
     * @return the typed exception, not thrown
     */
    public static ApiException of(ApiError error) {
        switch (error.kind()) {
            case INVALID_REQUEST:
                return new InvalidRequestException(error);
            case AUTHENTICATION:
                return new AuthenticationException(error);
            case PERMISSION_DENIED:
                return new PermissionDeniedException(error);
            case NOT_FOUND:
                return new NotFoundException(error);
            case CONFLICT:
                return new ConflictException(error);
            case RATE_LIMIT:
                return new RateLimitException(error);
            case SERVER:
                return new ServerException(error);
            default:
                return new UnexpectedStatusException(error);
        }
    }

    /** @return the error's family, which chose this exception's class */
    public ErrorKind kind() {
        return error.kind();
    }

    /** @return everything the service answered */
    public ApiError error() {
        return error;
    }

    /** @return the service that answered */
    public String service() {
        return error.service();
    }

    /** @return the HTTP status */
    public int httpStatus() {
        return error.httpStatus();
    }

    /** @return the service's own error code, if any */
    public Optional<String> code() {
        return error.code();
    }

    /** @return the service's message */
    public String serviceMessage() {
        return error.message();
    }

    /** @return the service's request id, if any */
    public Optional<String> requestId() {
        return error.requestId();
    }

    /** @return whether repeating the call may succeed */
    public boolean retryable() {
        return error.retryable();
    }

    /** @return the raw response body */
    public String rawBody() {
        return error.rawBody();
    }

    private static String describe(ApiError e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.service()).append(" answered HTTP ").append(e.httpStatus());
        e.code().ifPresent(c -> sb.append(" [").append(c).append(']'));
        sb.append(": ").append(e.message());
        e.details().ifPresent(d -> sb.append(" (details: ").append(d).append(')'));
        e.hint().ifPresent(h -> sb.append(" (hint: ").append(h).append(')'));
        if (!e.fieldErrors().isEmpty()) {
            sb.append(" {").append(ValidationException.formatFields(e.fieldErrors())).append('}');
        }
        if (!e.method().isEmpty()) {
            sb.append(" on ").append(e.method()).append(' ').append(e.path());
        }
        e.requestId().ifPresent(id -> sb.append(", request id ").append(id));
        return sb.toString();
    }
}
