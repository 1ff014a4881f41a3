package com.rabaislocal.sdk.webhooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The standardised answer, the same shape for every outcome of the receiver and of the API rate limit:
 * {@code {"status":"ok"|"error","code":...,"message":...,"request_id":...}}, with its HTTP status and headers
 * ({@code Content-Type}, {@code X-Request-Id}, and {@code Retry-After} on 429 and 403 blocks).
 *
 * <p>Immutable.
 */
public final class StandardResponse {

    private static final JsonFactory JSON = new JsonFactory();

    private final WebhookCode code;
    private final String requestId;
    private final Map<String, String> headers;

    private StandardResponse(WebhookCode code, String requestId, Map<String, String> headers) {
        this.code = code;
        this.requestId = requestId;
        this.headers = Map.copyOf(headers);
    }

    /**
     * An answer without extra headers.
     *
     * @param code the outcome
     * @param requestId the request id
     * @return the answer
     */
    public static StandardResponse of(WebhookCode code, String requestId) {
        return of(code, requestId, Map.of());
    }

    /**
     * An answer with extra headers (such as {@code Retry-After} or {@code Allow}).
     *
     * @param code the outcome
     * @param requestId the request id
     * @param extraHeaders headers added to {@code Content-Type} and {@code X-Request-Id}
     * @return the answer
     */
    public static StandardResponse of(WebhookCode code, String requestId, Map<String, String> extraHeaders) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("X-Request-Id", Objects.requireNonNull(requestId, "requestId"));
        h.putAll(extraHeaders);
        return new StandardResponse(Objects.requireNonNull(code, "code"), requestId, h);
    }

    /** @return the HTTP status */
    public int status() {
        return code.status();
    }

    /** @return the outcome */
    public WebhookCode code() {
        return code;
    }

    /** @return the request id sent as {@code request_id} and {@code X-Request-Id} */
    public String requestId() {
        return requestId;
    }

    /** @return the headers to send, {@code Content-Type} included */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * A header of the answer.
     *
     * @param name the exact header name, e.g. {@code Retry-After}
     * @return its value, or null
     */
    public String header(String name) {
        return headers.get(name);
    }

    /** @return the JSON body, UTF-8 */
    public byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("status", code.isSuccess() ? "ok" : "error");
            g.writeStringField("code", code.code());
            g.writeStringField("message", code.message());
            g.writeStringField("request_id", requestId);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "StandardResponse[" + code.status() + " " + code.code() + ", request_id=" + requestId + "]";
    }
}
