package com.rabaislocal.sdk.goaffpro.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookParsingTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOrderEventNamedByTheHeader() {
        GoAffProWebhookEvent e = GoAffProWebhookParser.parse(bytes("{\"order\":{\"id\":8812,\"number\":\"1001\","
                + "\"total\":\"58.00\",\"commission\":\"8.75\",\"affiliate_id\":\"12345\",\"status\":\"new\"}}"),
                Map.of("X-GoAffPro-Event", List.of("orders/after")));
        assertEquals("orders/after", e.event().orElseThrow());
        assertEquals(new BigDecimal("8.75"), e.order().orElseThrow().commission());
        assertEquals("orders/after:order:8812", e.dedupeKey().orElseThrow());
        assertTrue(e.affiliate().isEmpty());
    }

    @Test
    void anOrderUnderDataOrAtTheRootNamedByTheBody() {
        GoAffProWebhookEvent underData = GoAffProWebhookParser.parse(bytes("{\"event\":\"order.created\","
                + "\"data\":{\"id\":\"7\",\"number\":7,\"total\":12}}"), Map.of());
        assertEquals("order.created", underData.event().orElseThrow());
        assertEquals("7", underData.order().orElseThrow().id());

        GoAffProWebhookEvent flat = GoAffProWebhookParser.parse(bytes("{\"type\":\"orders/after\",\"id\":9,"
                + "\"number\":\"1009\",\"total\":\"3.00\"}"), null);
        assertEquals("1009", flat.order().orElseThrow().number());
    }

    @Test
    void anAffiliateEventAndTheEmailFallback() {
        GoAffProWebhookEvent signup = GoAffProWebhookParser.parse(bytes("{\"topic\":\"affiliates/create\","
                + "\"affiliate\":{\"id\":5,\"email\":\"ana@example.com\",\"status\":\"pending\"}}"), Map.of());
        assertEquals("ana@example.com", signup.affiliateEmail().orElseThrow());
        assertEquals("affiliates/create:affiliate:5", signup.dedupeKey().orElseThrow());
        assertFalse(signup.toString().contains("ana@example.com"));

        GoAffProWebhookEvent thin = GoAffProWebhookParser.parse(bytes("{\"affiliate_email\":\"bo@example.com\"}"),
                Map.of());
        assertEquals("bo@example.com", thin.affiliateEmail().orElseThrow());
        assertTrue(thin.event().isEmpty());
        assertTrue(thin.dedupeKey().isEmpty());
    }

    @Test
    void aPayloadThatDoesNotFitTheModelIsStillReachableRaw() {
        GoAffProWebhookEvent e = GoAffProWebhookParser.parse(bytes("{\"order\":{\"number\":\"1\",\"total\":\"x\"}}"),
                Map.of());
        assertTrue(e.order().isEmpty());
        assertEquals("x", e.raw().path("order").path("total").asText());
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreRefused() {
        assertThrows(RabaisSdkException.class, () -> GoAffProWebhookParser.parse(new byte[0], Map.of()));
        assertThrows(RabaisSdkException.class, () -> GoAffProWebhookParser.parse(bytes("[1]"), Map.of()));
        assertThrows(RabaisSdkException.class, () -> GoAffProWebhookParser.parse(bytes("order=1"), Map.of()));
    }

    @Test
    void theUrlTokenIsComparedAndNeverShown() {
        Secret secret = Secret.of("s3cr3t-t0ken-0123456789");
        WebhookUrlToken check = WebhookUrlToken.of(secret);
        String url = check.appendTo("https://hooks.example.com/goaffpro");
        assertEquals("https://hooks.example.com/goaffpro?token=s3cr3t-t0ken-0123456789", url);
        assertTrue(check.matchesQuery("token=s3cr3t-t0ken-0123456789"));
        assertTrue(check.matchesQuery("a=1&token=s3cr3t%2Dt0ken-0123456789"));
        assertFalse(check.matchesQuery("token=s3cr3t-t0ken-0123456788"));
        assertFalse(check.matchesQuery("token=s3cr3t-t0ken-0123456789&token=forged"));
        assertFalse(check.matchesQuery("other=s3cr3t-t0ken-0123456789"));
        assertFalse(check.matchesQuery(null));
        assertFalse(check.matches(null));
        assertFalse(check.toString().contains("s3cr3t"));
        assertTrue(WebhookUrlToken.of(secret, "secret").matchesQuery("secret=s3cr3t-t0ken-0123456789"));
        assertThrows(ValidationException.class, () -> WebhookUrlToken.of(Secret.of("short")));
    }
}
