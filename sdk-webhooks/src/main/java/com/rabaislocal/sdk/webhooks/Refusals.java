package com.rabaislocal.sdk.webhooks;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/** What the receiver and the API rate limit share: request ids, the refusal log line, safe text in logs. */
final class Refusals {

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Refusals() {
    }

    /** The caller's {@code X-Request-Id} when it is a plain token, else a new UUID. */
    static String requestId(String incoming) {
        return incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming
                : UUID.randomUUID().toString();
    }

    /** A path fit for a log line: no query, no control characters, at most 200 characters. */
    static String loggable(String path) {
        StringBuilder sb = new StringBuilder(Math.min(path.length(), 200));
        for (int i = 0; i < path.length() && sb.length() < 200; i++) {
            char c = path.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }

    /** Logs the one line a refusal gets, and builds its answer. */
    static StandardResponse refuse(Logger log, WebhookCode code, String ip, String path, String requestId,
            Map<String, String> headers) {
        log.warn("refused code={} status={} ip={} path={} request_id={}", code.code(), code.status(), ip,
                loggable(path), requestId);
        return StandardResponse.of(code, requestId, headers);
    }
}
