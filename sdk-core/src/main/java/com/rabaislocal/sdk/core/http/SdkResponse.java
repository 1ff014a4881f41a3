package com.rabaislocal.sdk.core.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A successful (2xx) answer, read whole. Immutable. For large bodies use {@link ServiceClient#stream(SdkRequest)}.
 */
public final class SdkResponse {

    private final String service;
    private final String call;
    private final int status;
    private final Headers headers;
    private final byte[] body;
    private final String requestId;

    SdkResponse(String service, String call, int status, Headers headers, byte[] body, String requestId) {
        this.service = service;
        this.call = call;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the response headers */
    public Headers headers() {
        return headers;
    }

    /**
     * Returns one header.
     *
     * @param name header name, any case
     * @return its last value, if present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** @return the request id the service sent, if any */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return the body bytes (a copy), empty when there was none */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body as UTF-8 text */
    public String bodyString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return whether the body is empty */
    public boolean isEmpty() {
        return body.length == 0;
    }

    /**
     * Binds the JSON body.
     *
     * @param type the target type (a class or record)
     * @param <T> the target type
     * @return the bound value, null for an empty body
     * @throws RabaisSdkException when the body is not JSON of that shape
     */
    public <T> T json(Class<T> type) {
        return bind(type, null);
    }

    /**
     * Binds the JSON body to a generic type.
     *
     * @param type the target type, e.g. {@code new TypeReference<List<Offer>>() {}}
     * @param <T> the target type
     * @return the bound value, null for an empty body
     * @throws RabaisSdkException when the body is not JSON of that shape
     */
    public <T> T json(TypeReference<T> type) {
        return bind(null, type);
    }

    /** @return the body as a JSON tree; a missing node for an empty body */
    public JsonNode jsonNode() {
        return bind(JsonNode.class, null);
    }

    @SuppressWarnings("unchecked")
    private <T> T bind(Class<T> cls, TypeReference<T> ref) {
        if (body.length == 0) {
            return cls == JsonNode.class ? (T) com.fasterxml.jackson.databind.node.MissingNode.getInstance() : null;
        }
        try {
            return cls != null ? SdkJson.mapper().readValue(body, cls) : SdkJson.mapper().readValue(body, ref);
        } catch (IOException e) {
            throw ServiceClient.unreadable(service, call, cls != null ? cls.getTypeName() : ref.getType().getTypeName(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "SdkResponse{" + service + " " + call + " -> " + status + ", " + body.length + " bytes"
                + (requestId == null ? "" : ", request id " + requestId) + '}';
    }
}
