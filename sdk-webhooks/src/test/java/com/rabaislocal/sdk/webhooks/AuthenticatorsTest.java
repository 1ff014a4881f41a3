package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.webhooks.auth.AuthenticationResult;
import com.rabaislocal.sdk.webhooks.auth.MailerSendSignatureAuthenticator;
import com.rabaislocal.sdk.webhooks.auth.SharedSecretHeaderAuthenticator;
import com.rabaislocal.sdk.webhooks.auth.StandardWebhooksAuthenticator;
import com.rabaislocal.sdk.webhooks.auth.UrlTokenAuthenticator;
import com.rabaislocal.sdk.webhooks.auth.WebhookAuthenticator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each authenticator against signatures computed independently with the JDK's Mac. */
class AuthenticatorsTest {

    private static final byte[] BODY = "{\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    private static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString(
            "standard-webhooks-key-32-bytes!!".getBytes(StandardCharsets.UTF_8));

    private final FakeClock clock = FakeClock.create();

    private static WebhookCode outcome(WebhookAuthenticator a, Consumer<WebhookRequest.Builder> setup, byte[] body) {
        WebhookRequest.Builder b = WebhookRequest.builder().method("POST").path("/w").peerAddress("192.0.2.1")
                .body(body);
        setup.accept(b);
        AuthenticationResult r = a.authenticate(new WebhookDelivery(b.build(), body, "192.0.2.1", "r",
                Instant.EPOCH));
        return r.refusal().orElse(WebhookCode.ACCEPTED);
    }

    @Test
    void mailerSendSignatureWithRotation() {
        WebhookAuthenticator a = MailerSendSignatureAuthenticator.of(Secret.of("new"), Secret.of("old"));
        assertEquals(WebhookCode.ACCEPTED, outcome(a, b -> b.header("Signature", Signing.mailerSend("new", BODY)),
                BODY));
        assertEquals(WebhookCode.ACCEPTED, outcome(a, b -> b.header("signature", Signing.mailerSend("old", BODY)),
                BODY));
        assertEquals(WebhookCode.SIGNATURE_INVALID,
                outcome(a, b -> b.header("Signature", Signing.mailerSend("other", BODY)), BODY));
        assertEquals(WebhookCode.SIGNATURE_INVALID, outcome(a, b -> b.header("Signature", "abc"), BODY));
        assertEquals(WebhookCode.CREDENTIALS_MISSING, outcome(a, b -> b.header("Signature", ""), BODY));
        assertEquals(WebhookCode.CREDENTIALS_MISSING, outcome(a, b -> { }, BODY));
        String good = Signing.mailerSend("new", BODY);
        assertEquals(WebhookCode.SIGNATURE_INVALID,
                outcome(a, b -> b.header("Signature", good).header("Signature", good), BODY));
        assertFalse(a.toString().contains("new"));
    }

    @Test
    void goAffProUrlToken() {
        WebhookAuthenticator a = UrlTokenAuthenticator.of(Secret.of("t0k+en/="));
        assertEquals(WebhookCode.ACCEPTED, outcome(a, b -> b.rawQuery("a=1&token=t0k%2Ben%2F%3D"), BODY));
        assertEquals(WebhookCode.SIGNATURE_INVALID, outcome(a, b -> b.rawQuery("token=t0k"), BODY));
        assertEquals(WebhookCode.SIGNATURE_INVALID,
                outcome(a, b -> b.rawQuery("token=t0k%2Ben%2F%3D&token=x"), BODY));
        assertEquals(WebhookCode.CREDENTIALS_MISSING, outcome(a, b -> b.rawQuery("tok=1"), BODY));
        assertEquals(WebhookCode.CREDENTIALS_MISSING, outcome(a, b -> b.rawQuery("token=%zz"), BODY));
    }

    @Test
    void sharedSecretHeaders() {
        WebhookAuthenticator make = SharedSecretHeaderAuthenticator.makeApiKey(Secret.of("mk"));
        assertEquals(WebhookCode.ACCEPTED, outcome(make, b -> b.header("X-Make-ApiKey", "mk"), BODY));
        assertEquals(WebhookCode.SIGNATURE_INVALID, outcome(make, b -> b.header("x-make-apikey", "mK"), BODY));
        WebhookAuthenticator supabase = SharedSecretHeaderAuthenticator.bearer(Secret.of("sb"));
        assertEquals(WebhookCode.ACCEPTED, outcome(supabase, b -> b.header("Authorization", "Bearer sb"), BODY));
        assertEquals(WebhookCode.SIGNATURE_INVALID, outcome(supabase, b -> b.header("Authorization", "sb"), BODY));
        assertEquals(WebhookCode.CREDENTIALS_MISSING, outcome(supabase, b -> { }, BODY));
    }

    @Test
    void standardWebhooks() {
        StandardWebhooksAuthenticator a = StandardWebhooksAuthenticator.builder().secret(Secret.of(WHSEC))
                .clock(clock).build();
        long now = clock.instant().getEpochSecond();
        Consumer<WebhookRequest.Builder> valid = b -> b.header("webhook-id", "msg_1")
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", "v1,bm90LWl0 " + Signing.standard(WHSEC, "msg_1", now, BODY));
        assertEquals(WebhookCode.ACCEPTED, outcome(a, valid, BODY));
        // The same id, timestamp and signature again: a replay.
        assertEquals(WebhookCode.REPLAYED, outcome(a, valid, BODY));
        // The sender's retry signs a new timestamp: authenticated (the receiver then answers it as a duplicate).
        assertEquals(WebhookCode.ACCEPTED, outcome(a, b -> b.header("webhook-id", "msg_1")
                .header("webhook-timestamp", Long.toString(now + 1))
                .header("webhook-signature", Signing.standard(WHSEC, "msg_1", now + 1, BODY)), BODY));
        long old = now - 301;
        assertEquals(WebhookCode.TIMESTAMP_OUT_OF_TOLERANCE, outcome(a, b -> b.header("webhook-id", "msg_2")
                .header("webhook-timestamp", Long.toString(old))
                .header("webhook-signature", Signing.standard(WHSEC, "msg_2", old, BODY)), BODY));
        long future = now + 301;
        assertEquals(WebhookCode.TIMESTAMP_OUT_OF_TOLERANCE, outcome(a, b -> b.header("webhook-id", "msg_3")
                .header("webhook-timestamp", Long.toString(future))
                .header("webhook-signature", Signing.standard(WHSEC, "msg_3", future, BODY)), BODY));
        // A signature over another id does not verify.
        assertEquals(WebhookCode.SIGNATURE_INVALID, outcome(a, b -> b.header("webhook-id", "msg_4")
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", Signing.standard(WHSEC, "msg_5", now, BODY)), BODY));
        assertEquals(WebhookCode.CREDENTIALS_MISSING, outcome(a, b -> b.header("webhook-id", "msg_6"), BODY));
        assertEquals(WebhookCode.SIGNATURE_INVALID, outcome(a, b -> b.header("webhook-id", "m")
                .header("webhook-timestamp", "12a").header("webhook-signature", "v1,x"), BODY));
        AuthenticationResult r = a.authenticate(new WebhookDelivery(WebhookRequest.builder().method("POST")
                .path("/w").peerAddress("192.0.2.1").header("webhook-id", "msg_7")
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", Signing.standard(WHSEC, "msg_7", now, BODY)).build(), BODY,
                "192.0.2.1", "r", Instant.EPOCH));
        assertEquals("msg_7", r.deliveryId().orElseThrow());
    }

    @Test
    void standardWebhooksBuilderRefusesBadSecrets() {
        ValidationException e = assertThrows(ValidationException.class, () -> StandardWebhooksAuthenticator.builder()
                .secret(Secret.of("whsec_***")).tolerance(Duration.ZERO).build());
        assertTrue(e.fieldErrors().containsKey("secret"));
        assertTrue(e.fieldErrors().containsKey("tolerance"));
        assertFalse(e.getMessage().contains("***"));
    }
}
