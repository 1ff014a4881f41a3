package com.rabaislocal.sdk.core.error;

/**
 * Root of every exception the RabaisLocal SDK throws. Unchecked, so callers catch only what they can act on.
 *
 * <p>Messages never contain credentials: the SDK builds them from redacted values only.
 */
public class RabaisSdkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong and where
     */
    public RabaisSdkException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and its cause.
     *
     * @param message what went wrong and where
     * @param cause the underlying failure, kept in the chain
     */
    public RabaisSdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
