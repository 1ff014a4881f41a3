package com.rabaislocal.sdk.core.error;

/**
 * A call ran out of time: a connect, read or write timeout, or the call's overall deadline, which no retry outlives.
 */
public class RequestTimeoutException extends TransportException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a timeout failure.
     *
     * @param service the service called
     * @param message which limit was hit, on which call
     * @param cause the underlying failure, may be {@code null} when the deadline itself stopped the call
     */
    public RequestTimeoutException(String service, String message, Throwable cause) {
        super(service, message, cause);
    }
}
