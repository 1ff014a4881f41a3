package com.rabaislocal.sdk.mailersend.webhooks;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.webhook.WebhookSignatures;
import java.util.List;
import java.util.function.Function;

/**
 * MailerSend's webhook signature check, the one place it is written (sdk-webhooks'
 * {@code MailerSendSignatureAuthenticator} delegates here): the {@code Signature} header, or
 * {@code X-MailerSend-Signature} when it is absent, holds the lowercase hex HMAC-SHA256 of the raw body keyed with
 * the webhook's signing secret. Compared in constant time (sdk-core's {@link WebhookSignatures}); a header sent
 * twice is refused rather than one of its values picked. Stateless and thread-safe; nothing here logs.
 */
public final class MailerSendSignature {

    /** The header MailerSend documents. */
    public static final String HEADER = "Signature";
    /** The header some MailerSend examples read; used when {@link #HEADER} is absent. */
    public static final String FALLBACK_HEADER = "X-MailerSend-Signature";

    /** The outcome of a check. */
    public enum Check {
        /** The signature matches one of the secrets. */
        VALID,
        /** Neither header was sent, or it was blank. */
        MISSING,
        /** The header is not 64 hex digits, or was sent more than once. */
        MALFORMED,
        /** Well formed, but no secret gives it: a forged, altered or differently keyed delivery. */
        INVALID
    }

    private MailerSendSignature() {
    }

    /**
     * Checks a delivery.
     *
     * @param secrets the signing secrets accepted (the current one first, older ones during a rotation)
     * @param rawBody the body exactly as received, before any parsing
     * @param headerValues every value of a header by name (any case), empty when absent
     * @return the outcome
     */
    public static Check check(List<Secret> secrets, byte[] rawBody, Function<String, List<String>> headerValues) {
        List<String> values = headerValues.apply(HEADER);
        if (values == null || values.isEmpty()) {
            values = headerValues.apply(FALLBACK_HEADER);
        }
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return Check.MISSING;
        }
        if (values.size() > 1) {
            return Check.MALFORMED;
        }
        String v = values.get(0).strip();
        if (v.length() != 64 || !isHex(v)) {
            return Check.MALFORMED;
        }
        boolean ok = false;
        for (Secret s : secrets) {
            // Every secret is tried, so the time does not tell which one matched.
            ok |= WebhookSignatures.verifyHex(s, rawBody, v);
        }
        return ok ? Check.VALID : Check.INVALID;
    }

    /**
     * Signs a body as MailerSend does (for stand-ins and tests).
     *
     * @param secret the signing secret
     * @param rawBody the body
     * @return the {@code Signature} header value
     */
    public static String sign(Secret secret, byte[] rawBody) {
        return WebhookSignatures.hmacSha256Hex(secret, rawBody);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
