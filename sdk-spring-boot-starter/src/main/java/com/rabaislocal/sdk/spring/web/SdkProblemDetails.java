package com.rabaislocal.sdk.spring.web;

import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.error.UnexpectedStatusException;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The SDK's exceptions as RFC 9457 problem details. The status comes from the exception's family; the title and
 * detail are fixed texts per family, never the exception's message (which may describe the service's internals);
 * only a {@link ValidationException}'s field errors, which describe the caller's own input, are passed on, under
 * {@code errors}. Every answer carries a {@code code} and a {@code type} of {@code urn:rabaislocal:problem:<code>}.
 *
 * <table>
 *   <caption>Families</caption>
 *   <tr><th>Exception</th><th>Status</th><th>code</th></tr>
 *   <tr><td>{@code ValidationException}</td><td>400</td><td>validation_failed</td></tr>
 *   <tr><td>{@code InvalidRequestException}</td><td>422</td><td>request_refused</td></tr>
 *   <tr><td>{@code AuthenticationException} (e.g. {@code InvalidTokenException})</td><td>401</td>
 *       <td>unauthenticated</td></tr>
 *   <tr><td>{@code PermissionDeniedException} (e.g. {@code CrudPermissionException})</td><td>403</td>
 *       <td>forbidden</td></tr>
 *   <tr><td>{@code NotFoundException} (e.g. {@code RowNotFoundException})</td><td>404</td><td>not_found</td></tr>
 *   <tr><td>{@code ConflictException} (e.g. {@code RowConflictException})</td><td>409</td><td>conflict</td></tr>
 *   <tr><td>{@code RateLimitException}</td><td>429</td><td>rate_limited</td></tr>
 *   <tr><td>{@code ServerException}, {@code UnexpectedStatusException}, {@code UnexpectedResponseException}</td>
 *       <td>502</td><td>upstream_failed</td></tr>
 *   <tr><td>{@code RequestTimeoutException}</td><td>504</td><td>upstream_timeout</td></tr>
 *   <tr><td>{@code TransportException}</td><td>503</td><td>upstream_unavailable</td></tr>
 *   <tr><td>{@code ConfigException} and any other</td><td>500</td><td>internal_error</td></tr>
 * </table>
 */
public final class SdkProblemDetails {

    private SdkProblemDetails() {
    }

    /** One family's answer. */
    record Family(Class<? extends RabaisSdkException> type, HttpStatus status, String code, String title,
                  String detail) {
    }

    private static final String RETRY = "; try again later.";

    /** Most specific first: RequestTimeoutException is a TransportException, every API family an ApiException. */
    private static final List<Family> FAMILIES = List.of(
            new Family(ValidationException.class, HttpStatus.BAD_REQUEST, "validation_failed", "Invalid request",
                    "Some fields of the request are invalid; see errors."),
            new Family(InvalidRequestException.class, HttpStatus.UNPROCESSABLE_CONTENT, "request_refused",
                    "Request refused", "The request could not be carried out as given."),
            new Family(AuthenticationException.class, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Authentication required", "A valid access token is required."),
            new Family(PermissionDeniedException.class, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "You are not allowed to do this."),
            new Family(NotFoundException.class, HttpStatus.NOT_FOUND, "not_found", "Not found",
                    "The resource does not exist."),
            new Family(ConflictException.class, HttpStatus.CONFLICT, "conflict", "Conflict",
                    "The request conflicts with the resource's current state."),
            new Family(RateLimitException.class, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests",
                    "Try again later."),
            new Family(ServerException.class, HttpStatus.BAD_GATEWAY, "upstream_failed", "Upstream service failed",
                    "A service this API depends on failed" + RETRY),
            new Family(UnexpectedStatusException.class, HttpStatus.BAD_GATEWAY, "upstream_failed",
                    "Upstream service failed", "A service this API depends on failed" + RETRY),
            new Family(UnexpectedResponseException.class, HttpStatus.BAD_GATEWAY, "upstream_failed",
                    "Upstream service failed", "A service this API depends on failed" + RETRY),
            new Family(RequestTimeoutException.class, HttpStatus.GATEWAY_TIMEOUT, "upstream_timeout",
                    "Upstream service timed out", "A service this API depends on did not answer in time" + RETRY),
            new Family(TransportException.class, HttpStatus.SERVICE_UNAVAILABLE, "upstream_unavailable",
                    "Upstream service unavailable", "A service this API depends on could not be reached" + RETRY));

    /** ConfigException, UnexpectedRowCountException and the rest: the server's fault, said in no detail. */
    private static final Family INTERNAL = new Family(RabaisSdkException.class, HttpStatus.INTERNAL_SERVER_ERROR,
            "internal_error", "Internal error", "The request could not be completed.");

    static Family family(RabaisSdkException e) {
        for (Family f : FAMILIES) {
            if (f.type().isInstance(e)) {
                return f;
            }
        }
        return INTERNAL;
    }

    /**
     * The problem detail of an exception.
     *
     * @param e the exception
     * @return the problem detail, with {@code status}, {@code type}, {@code title}, {@code detail}, {@code code}
     *     and, for a validation error, {@code errors} (field to messages)
     */
    public static ProblemDetail of(RabaisSdkException e) {
        Family f = family(e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(f.status(), f.detail());
        p.setTitle(f.title());
        p.setType(URI.create("urn:rabaislocal:problem:" + f.code()));
        p.setProperty("code", f.code());
        if (e instanceof ValidationException v) {
            Map<String, Object> errors = new TreeMap<>(v.fieldErrors());
            p.setProperty("errors", errors);
        }
        return p;
    }

    /**
     * Whether an exception is the server's fault (logged at WARN) rather than the caller's.
     *
     * @param e the exception
     * @return true for a 5xx answer
     */
    static boolean serverSide(RabaisSdkException e) {
        return family(e).status().is5xxServerError();
    }
}
