package com.rabaislocal.sdk.spring.web;

import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every SDK exception a controller lets through with {@link SdkProblemDetails} ({@code
 * application/problem+json}), with {@code WWW-Authenticate: Bearer} on a 401 and {@code Retry-After} on a 429 when
 * the service asked for a delay. Server-side failures are logged at WARN with the exception's class and the SDK's
 * message (which never holds a secret); the caller's own errors at DEBUG.
 */
@RestControllerAdvice
// Last: an application's own advice (or a controller's @ExceptionHandler) for an SDK exception is asked first.
@Order(Ordered.LOWEST_PRECEDENCE)
public class SdkExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SdkExceptionHandler.class);

    /**
     * Maps the exception.
     *
     * @param e the exception
     * @param request the request
     * @return the problem detail answer
     */
    @ExceptionHandler(RabaisSdkException.class)
    public ResponseEntity<ProblemDetail> handle(RabaisSdkException e, HttpServletRequest request) {
        ProblemDetail p = SdkProblemDetails.of(e);
        p.setInstance(java.net.URI.create(request.getRequestURI()));
        if (SdkProblemDetails.serverSide(e)) {
            LOG.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), p.getStatus(),
                    e.toString());
        } else {
            LOG.debug("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), p.getStatus(),
                    e.getClass().getSimpleName());
        }
        ResponseEntity.BodyBuilder b = ResponseEntity.status(p.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e instanceof AuthenticationException) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e instanceof RateLimitException r) {
            r.retryAfter().map(Duration::toSeconds).ifPresent(s -> b.header(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, s))));
        }
        return b.body(p);
    }
}
