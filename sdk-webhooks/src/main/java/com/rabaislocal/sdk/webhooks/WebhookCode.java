package com.rabaislocal.sdk.webhooks;

/**
 * Every outcome of the receiver and of the API rate limit: its HTTP status, its machine code (the {@code code} of the
 * standard answer) and the message sent with it. The messages name the check, never a value from the request.
 */
public enum WebhookCode {

    /** 200: the handler processed the delivery. */
    ACCEPTED(200, "accepted", "delivery accepted"),
    /** 202: the delivery was accepted and is processed in the background (the handler asked, or overran its time). */
    QUEUED(202, "queued", "delivery accepted for processing"),
    /** 200: a delivery with this event id was already received; it is not handed on again. */
    DUPLICATE(200, "duplicate", "delivery already received"),
    /** 405: the method is not accepted (webhooks are POSTed). */
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "method not allowed"),
    /** 415: the content type is not accepted. */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "content type not accepted"),
    /** 413: the body is larger than the limit. */
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "body too large"),
    /** 403: the client IP is blocked after repeated failed authentications. */
    IP_BLOCKED(403, "ip_blocked", "client blocked"),
    /** 429: the client IP exceeded its rate limit. */
    RATE_LIMITED(429, "rate_limited", "too many requests"),
    /** 401: the signature, token or secret header is missing. */
    CREDENTIALS_MISSING(401, "credentials_missing", "authentication required"),
    /** 401: the signature, token or secret does not match. */
    SIGNATURE_INVALID(401, "signature_invalid", "authentication failed"),
    /** 401: the signed timestamp is outside the tolerance. */
    TIMESTAMP_OUT_OF_TOLERANCE(401, "timestamp_out_of_tolerance", "timestamp outside the accepted tolerance"),
    /** 401: this exact signed message was already received (a replay). */
    REPLAYED(401, "replayed", "message already received"),
    /** 400: the body is not well-formed JSON. */
    MALFORMED_PAYLOAD(400, "malformed_payload", "body is not well-formed JSON"),
    /** 422: the body does not match the event type's schema or required fields. */
    INVALID_PAYLOAD(422, "invalid_payload", "payload does not match its schema"),
    /** 500: the application's handler failed; its message is not sent. */
    HANDLER_FAILED(500, "handler_failed", "delivery could not be processed"),
    /** 503: the shared state (Redis) or the processing pool is unavailable; the sender should retry. */
    UNAVAILABLE(503, "unavailable", "temporarily unavailable");

    private final int status;
    private final String code;
    private final String message;

    WebhookCode(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the machine code sent as {@code code} */
    public String code() {
        return code;
    }

    /** @return the message sent as {@code message} */
    public String message() {
        return message;
    }

    /** @return true for the 401 outcomes, the ones that count towards blocking an IP */
    public boolean isAuthenticationFailure() {
        return status == 401;
    }

    /** @return true for the 2xx outcomes */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
