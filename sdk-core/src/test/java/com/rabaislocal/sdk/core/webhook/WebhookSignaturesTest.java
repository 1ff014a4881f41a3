package com.rabaislocal.sdk.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signature primitives against vectors computed here with the JDK's Mac. */
class WebhookSignaturesTest {

    private static final Secret SECRET = Secret.of("whsec-test-4f1c9e");
    private static final byte[] BODY = "{\"type\":\"activity.sent\",\"data\":{\"id\":\"62fb66bef54a112e920b5493\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private static byte[] mac(byte[] key, byte[] body) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        return m.doFinal(body);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    @Test
    void hexAndBase64MatchAnIndependentComputation() throws Exception {
        byte[] expected = mac(SECRET.reveal().getBytes(StandardCharsets.UTF_8), BODY);
        assertEquals(hex(expected), WebhookSignatures.hmacSha256Hex(SECRET, BODY));
        assertEquals(Base64.getEncoder().encodeToString(expected),
                WebhookSignatures.hmacSha256Base64(SECRET.reveal().getBytes(StandardCharsets.UTF_8), BODY));
    }

    @Test
    void verifyHexAcceptsOnlyTheRightSignature() throws Exception {
        String good = hex(mac(SECRET.reveal().getBytes(StandardCharsets.UTF_8), BODY));
        assertTrue(WebhookSignatures.verifyHex(SECRET, BODY, good));
        assertTrue(WebhookSignatures.verifyHex(SECRET, BODY, good.toUpperCase(Locale.ROOT)), "hex case is free");
        assertTrue(WebhookSignatures.verifyHex(SECRET, BODY, " " + good + " "));

        byte[] tampered = BODY.clone();
        tampered[10] ^= 1;
        assertFalse(WebhookSignatures.verifyHex(SECRET, tampered, good));
        assertFalse(WebhookSignatures.verifyHex(Secret.of("another-secret"), BODY, good));
        assertFalse(WebhookSignatures.verifyHex(SECRET, BODY, good.substring(1)), "wrong length");
        assertFalse(WebhookSignatures.verifyHex(SECRET, BODY, good + "0"));
        assertFalse(WebhookSignatures.verifyHex(SECRET, BODY, "z" + good.substring(1)), "not hex");
        assertFalse(WebhookSignatures.verifyHex(SECRET, BODY, null));
        assertFalse(WebhookSignatures.verifyHex(SECRET, BODY, ""));
    }

    @Test
    void constantTimeEqualsHandlesNullsAndLengths() {
        assertTrue(WebhookSignatures.constantTimeEquals("abc", "abc"));
        assertFalse(WebhookSignatures.constantTimeEquals("abc", "abd"));
        assertFalse(WebhookSignatures.constantTimeEquals("abc", "abcd"));
        assertFalse(WebhookSignatures.constantTimeEquals(null, "abc"));
        assertFalse(WebhookSignatures.constantTimeEquals("abc", null));
    }
}
