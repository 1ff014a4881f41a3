package com.rabaislocal.sdk.webhooks;

import java.time.Instant;

/**
 * A delivery that passed the request checks (method, content type, size, block list, rate limit): the request, its
 * raw body bytes and the resolved client IP. Authenticators and payload validators read it.
 *
 * <p>Immutable. {@link #toString()} shows no header, query or body.
 */
public final class WebhookDelivery {

    private final WebhookRequest request;
    private final byte[] body;
    private final String clientIp;
    private final String requestId;
    private final Instant receivedAt;

    /**
     * Creates a delivery.
     *
     * @param request the request (its body stream already read)
     * @param body the raw body bytes; kept as given, not copied
     * @param clientIp the resolved client IP
     * @param requestId the request id of the answer
     * @param receivedAt when the receiver took the request
     */
    public WebhookDelivery(WebhookRequest request, byte[] body, String clientIp, String requestId,
            Instant receivedAt) {
        this.request = request;
        this.body = body;
        this.clientIp = clientIp;
        this.requestId = requestId;
        this.receivedAt = receivedAt;
    }

    /** @return the request: method, path, headers, query */
    public WebhookRequest request() {
        return request;
    }

    /** @return a copy of the raw body bytes, exactly as received */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The raw body without a copy, for checks that only read it (signatures, parsing). Callers must not modify it.
     *
     * @return the body bytes
     */
    public byte[] bodyView() {
        return body;
    }

    /** @return the resolved client IP */
    public String clientIp() {
        return clientIp;
    }

    /** @return the request id */
    public String requestId() {
        return requestId;
    }

    /** @return when the receiver took the request */
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + request.method() + " " + request.path() + ", " + body.length + " bytes, ip="
                + clientIp + ", request_id=" + requestId + "]";
    }
}
