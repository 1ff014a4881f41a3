package com.rabaislocal.sdk.core.webhook;

import com.rabaislocal.sdk.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature primitives every webhook check in the SDK is built on: HMAC-SHA256 of the raw body, in hex or
 * Base64, and comparison in constant time. Used by the service modules' webhook verifiers (MailerSend's
 * {@code Signature} header, Standard Webhooks) and by the webhook receiver, so the cryptography lives in one place.
 *
 * <p>Stateless and thread-safe. Nothing here logs or puts a secret or a signature in an exception message.
 */
public final class WebhookSignatures {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private WebhookSignatures() {
    }

    /**
     * Computes HMAC-SHA256.
     *
     * @param key the signing key's bytes
     * @param message the signed bytes (the raw body, or the service's signed content)
     * @return the 32-byte MAC
     */
    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java 17 runtime ships HmacSHA256, and any byte array is a valid HMAC key.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Computes HMAC-SHA256 with a text secret (its UTF-8 bytes) and returns it as lowercase hex.
     *
     * @param secret the signing secret
     * @param message the signed bytes
     * @return 64 lowercase hex characters
     */
    public static String hmacSha256Hex(Secret secret, byte[] message) {
        return HexFormat.of().formatHex(hmacSha256(secret.reveal().getBytes(StandardCharsets.UTF_8), message));
    }

    /**
     * Computes HMAC-SHA256 and returns it as standard Base64.
     *
     * @param key the signing key's bytes
     * @param message the signed bytes
     * @return the Base64 text
     */
    public static String hmacSha256Base64(byte[] key, byte[] message) {
        return Base64.getEncoder().encodeToString(hmacSha256(key, message));
    }

    /**
     * Checks a hex HMAC-SHA256 signature of {@code message}, in constant time. Case-insensitive on the hex digits;
     * a value that is not exactly 64 hex digits is refused without comparing.
     *
     * @param secret the signing secret
     * @param message the signed bytes
     * @param signatureHex the signature received, possibly null
     * @return true only for the right signature
     */
    public static boolean verifyHex(Secret secret, byte[] message, String signatureHex) {
        if (signatureHex == null) {
            return false;
        }
        String candidate = signatureHex.strip().toLowerCase(Locale.ROOT);
        if (candidate.length() != 64 || !isHex(candidate)) {
            return false;
        }
        return constantTimeEquals(hmacSha256Hex(secret, message), candidate);
    }

    /**
     * Compares two texts in time that depends only on their lengths, not on where they differ.
     *
     * @param expected the expected value
     * @param actual the received value, possibly null
     * @return true when both are equal
     */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
