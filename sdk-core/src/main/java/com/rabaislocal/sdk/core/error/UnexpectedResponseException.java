package com.rabaislocal.sdk.core.error;

import java.util.Optional;

/**
 * A service answered with a success status (2xx), but the answer does not fit what the call expects: a body that is
 * not JSON, an object where an array was promised, a row that is not the one written, a missing required field.
 * Such an answer is an error, never data: the SDK does not hand a half-read object to the caller.
 *
 * <p>A sibling of {@link ApiException} (the service answered, but not with an error status). It carries the status,
 * the request id and the first {@value #BODY_PREFIX_LIMIT} characters of the body, which never hold a credential
 * the SDK sent (bodies are answers, not requests). Repeating the call rarely helps, so it is not retried.
 */
public class UnexpectedResponseException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    /** How many characters of the body the exception keeps. */
    public static final int BODY_PREFIX_LIMIT = 512;

    /** The service that answered. */
    private final String service;
    /** The answer's HTTP status. */
    private final int httpStatus;
    /** The service's request id, or null. */
    private final String requestId;
    /** The first {@value #BODY_PREFIX_LIMIT} characters of the body. */
    private final String bodyPrefix;

    /**
     * Creates the exception.
     *
     * @param service the service that answered, e.g. {@code "goaffpro"}
     * @param call the call, e.g. {@code GET /rest/v1/offers}
     * @param httpStatus the (2xx) status of the answer
     * @param requestId the service's request id, or null
     * @param problem what did not fit, e.g. {@code "expected a JSON array of rows, got an object"}
     * @param body the body as text, or null; only a prefix is kept
     * @param cause the binding failure, or null
     */
    public UnexpectedResponseException(String service, String call, int httpStatus, String requestId,
                                       String problem, String body, Throwable cause) {
        super(service + " " + call + " answered HTTP " + httpStatus + " with an answer that does not fit: " + problem
                + (requestId == null ? "" : " (request id " + requestId + ")"), cause);
        this.service = service;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.bodyPrefix = prefix(body);
    }

    private static String prefix(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= BODY_PREFIX_LIMIT ? body : body.substring(0, BODY_PREFIX_LIMIT);
    }

    /** @return the service that answered */
    public String service() {
        return service;
    }

    /** @return the HTTP status of the answer (a 2xx) */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the service's request id, if it sent one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return at most {@value #BODY_PREFIX_LIMIT} characters from the start of the body; empty when unknown */
    public String bodyPrefix() {
        return bodyPrefix;
    }
}
