package com.rabaislocal.sdk.webhooks.internal;

import com.rabaislocal.sdk.webhooks.StandardResponse;
import com.rabaislocal.sdk.webhooks.WebhookCode;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * What the receiver and the API rate limit share: request ids, the refusal log line, safe text in logs. Public only
 * for the SDK's modules; no compatibility promise.
 */
public final class Refusals {

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Refusals() {
    }

    /**
     * @param incoming the caller's request id, or null
     * @return it when it is a plain token, else a new UUID
     */
    public static String requestId(String incoming) {
        return incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming
                : UUID.randomUUID().toString();
    }

    /**
     * @param path a request path
     * @return it fit for a log line: no control characters, at most 200 characters
     */
    public static String loggable(String path) {
        StringBuilder sb = new StringBuilder(Math.min(path.length(), 200));
        for (int i = 0; i < path.length() && sb.length() < 200; i++) {
            char c = path.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }

    /**
     * Logs the one line a refusal gets (code, status, IP, path, request id) and builds its answer.
     *
     * @param log the logger
     * @param code the outcome
     * @param ip the client IP
     * @param path the request path
     * @param requestId the request id
     * @param headers the answer's extra headers
     * @return the answer
     */
    public static StandardResponse refuse(Logger log, WebhookCode code, String ip, String path, String requestId,
            Map<String, String> headers) {
        log.warn("refused code={} status={} ip={} path={} request_id={}", code.code(), code.status(), ip,
                loggable(path), requestId);
        return StandardResponse.of(code, requestId, headers);
    }
}
