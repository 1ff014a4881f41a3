package com.rabaislocal.sdk.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signatures computed independently of the SDK, with the JDK's {@link Mac}. */
public final class Signing {

    private Signing() {
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** MailerSend: lowercase hex HMAC-SHA256 of the body with the secret's UTF-8 bytes. */
    public static String mailerSend(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** Standard Webhooks: {@code v1,} + Base64 HMAC of {@code id.ts.body} keyed with the decoded whsec_ secret. */
    public static String standard(String whsec, String id, long ts, byte[] body) {
        byte[] key = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
        byte[] head = (id + "." + ts + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + body.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(body, 0, content, head.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, content));
    }
}
