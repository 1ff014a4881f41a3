package com.rabaislocal.sdk.core.http;

import java.io.InputStream;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * A successful (2xx) answer whose body has not been read yet: read {@link #body()} as it arrives, then close.
 * Closing releases the connection back to the pool.
 */
public final class SdkStreamingResponse implements AutoCloseable {

    private final Response response;
    private final String requestId;

    SdkStreamingResponse(Response response, String requestId) {
        this.response = response;
        this.requestId = requestId;
    }

    /** @return the HTTP status */
    public int status() {
        return response.code();
    }

    /** @return the response headers */
    public Headers headers() {
        return response.headers();
    }

    /**
     * Returns one header.
     *
     * @param name header name, any case
     * @return its last value, if present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(response.header(name));
    }

    /** @return the request id the service sent, if any */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return the body as a stream; read it at most once */
    public InputStream body() {
        return response.body().byteStream();
    }

    /** Releases the connection. Idempotent. */
    @Override
    public void close() {
        response.close();
    }
}
