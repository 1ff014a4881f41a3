package com.rabaislocal.sdk.core.error;

/**
 * No usable HTTP answer came back: the connection failed, was reset, or the response could not be read.
 *
 * <p>Whether the request reached the server is unknown, so the retry layer repeats it only when the call is safe to
 * repeat.
 */
public class TransportException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    /** The service the call was for. */
    private final String service;

    /**
     * Creates a transport failure.
     *
     * @param service the service called, e.g. {@code "supabase"}
     * @param message what failed, with method and path (never query secrets)
     * @param cause the I/O failure
     */
    public TransportException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    /**
     * Returns the service that was being called.
     *
     * @return the service name
     */
    public String service() {
        return service;
    }
}
