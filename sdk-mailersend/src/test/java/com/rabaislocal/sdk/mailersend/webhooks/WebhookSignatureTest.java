package com.rabaislocal.sdk.mailersend.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "Zq8pW3xYk2Lm9Nb4Vc7Rt1Hs6Jd5Fg0A";
    private static final byte[] BODY = ("{\"type\":\"activity.delivered\",\"domain_id\":\"dom1\",\"created_at\":"
            + "\"2026-12-02T10:00:00.000000Z\",\"webhook_id\":\"wh1\",\"data\":{\"object\":\"activity\",\"id\":"
            + "\"a1\",\"type\":\"delivered\",\"email\":{\"id\":\"e1\",\"status\":\"delivered\",\"message\":{\"id\":"
            + "\"63189f260a946e37f800f018\"},\"recipient\":{\"email\":\"client@example.com\"}}}}")
            .getBytes(StandardCharsets.UTF_8);

    /** The vector, computed here with the JDK alone. */
    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static Function<String, List<String>> headers(Map<String, List<String>> h) {
        Map<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(h);
        return name -> ci.getOrDefault(name, List.of());
    }

    private final MailerSendWebhooks hooks = MailerSendWebhooks.of(Secret.of(SECRET));

    @Test
    void theRightSignatureInEitherHeaderIsAccepted() throws Exception {
        String sig = hmac(SECRET, BODY);
        assertEquals(MailerSendSignature.Check.VALID, hooks.check(BODY, headers(Map.of("Signature", List.of(sig)))));
        assertEquals(MailerSendSignature.Check.VALID, hooks.check(BODY, headers(Map.of("signature", List.of(sig)))));
        assertEquals(MailerSendSignature.Check.VALID,
                hooks.check(BODY, headers(Map.of("X-MailerSend-Signature", List.of(sig)))));
        assertEquals(sig, MailerSendSignature.sign(Secret.of(SECRET), BODY));
        ActivityEvent e = (ActivityEvent) hooks.verify(BODY, headers(Map.of("Signature", List.of(sig))));
        assertEquals("63189f260a946e37f800f018", e.messageId().orElseThrow());
    }

    @Test
    void theDocumentedHeaderWinsOverTheFallback() throws Exception {
        String good = hmac(SECRET, BODY);
        assertEquals(MailerSendSignature.Check.INVALID, hooks.check(BODY, headers(Map.of(
                "Signature", List.of(hmac("other", BODY)), "X-MailerSend-Signature", List.of(good)))));
    }

    @Test
    void everyMutatedBodyIsRefused() throws Exception {
        String sig = hmac(SECRET, BODY);
        for (int i = 0; i < BODY.length; i++) {
            byte[] mutated = BODY.clone();
            mutated[i] ^= 0x01;
            assertEquals(MailerSendSignature.Check.INVALID,
                    hooks.check(mutated, headers(Map.of("Signature", List.of(sig)))), "byte " + i);
        }
        byte[] longer = (new String(BODY, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        assertEquals(MailerSendSignature.Check.INVALID, hooks.check(longer, headers(Map.of("Signature",
                List.of(sig)))));
    }

    @Test
    void aWrongSecretIsRefusedAndARotatedOneAccepted() throws Exception {
        String old = hmac("old-secret-value", BODY);
        assertEquals(MailerSendSignature.Check.INVALID, hooks.check(BODY, headers(Map.of("Signature",
                List.of(old)))));
        MailerSendWebhooks rotating = MailerSendWebhooks.of(Secret.of(SECRET), Secret.of("old-secret-value"));
        assertEquals(MailerSendSignature.Check.VALID, rotating.check(BODY, headers(Map.of("Signature",
                List.of(old)))));
    }

    @Test
    void missingBlankMalformedAndRepeatedHeadersAreRefused() throws Exception {
        String sig = hmac(SECRET, BODY);
        assertEquals(MailerSendSignature.Check.MISSING, hooks.check(BODY, headers(Map.of())));
        assertEquals(MailerSendSignature.Check.MISSING, hooks.check(BODY, headers(Map.of("Signature",
                List.of("  ")))));
        assertEquals(MailerSendSignature.Check.MALFORMED, hooks.check(BODY, headers(Map.of("Signature",
                List.of(sig.substring(0, 63))))));
        assertEquals(MailerSendSignature.Check.MALFORMED, hooks.check(BODY, headers(Map.of("Signature",
                List.of(sig + "0")))));
        assertEquals(MailerSendSignature.Check.MALFORMED, hooks.check(BODY, headers(Map.of("Signature",
                List.of("z".repeat(64))))));
        assertEquals(MailerSendSignature.Check.MALFORMED, hooks.check(BODY, headers(Map.of("Signature",
                List.of(sig, sig)))));
        assertEquals(MailerSendSignature.Check.MISSING, assertThrows(WebhookVerificationException.class,
                () -> hooks.verify(BODY, headers(Map.of()))).check());
    }
}
