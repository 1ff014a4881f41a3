package com.rabaislocal.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.testing.supabase.SupabaseStandIn;
import com.rabaislocal.sdk.supabase.tables.Offer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole walk-through, run against the stand-in, checked on what it left there and on what it printed. */
class SupabaseWalkthroughTest {

    private SupabaseStandIn standIn;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        standIn = SupabaseStandIn.start();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static List<UUID> ids(List<Offer> offers) {
        return offers.stream().map(Offer::id).collect(Collectors.toList());
    }

    @Test
    void walksThroughEveryStepAgainstTheStandIn() {
        SupabaseWalkthrough.Result r;
        try (SupabaseTarget target = SupabaseTarget.of(standIn)) {
            r = SupabaseWalkthrough.run(target, out);
        }
        String text = output();
        UUID user = standIn.demoUserId();
        assertEquals(SupabaseTarget.Mode.STAND_IN, r.mode());
        assertEquals(user, r.user().id());

        // Offers: created, listed, soft-deleted, no longer listed; the seeded live offers untouched.
        assertEquals(3, r.liveBefore().size(), text);
        Offer created = r.created();
        assertEquals(user, created.merchantId());
        assertTrue(ids(r.liveAfterCreate()).contains(created.id()), text);
        assertEquals(r.liveBefore().size() + 1, r.liveAfterCreate().size());
        assertNotNull(r.deleted().deletedAt());
        assertEquals(user, r.deleted().deletedBy(), "stamped by the stand-in's trigger");
        assertFalse(ids(r.liveAfterDelete()).contains(created.id()), text);
        assertEquals(ids(r.liveBefore()), ids(r.liveAfterDelete()));
        JsonNode storedOffer = standIn.rows("offers").stream()
                .filter(o -> o.get("id").asText().equals(created.id().toString())).findFirst().orElseThrow();
        assertFalse(storedOffer.get("deleted_at").isNull(), "soft-deleted, not removed");

        // Consent: one row, the user's, with the server's evidence.
        List<JsonNode> consents = standIn.rows("legal_consents");
        assertEquals(1, consents.size());
        assertEquals(r.consent().id().toString(), consents.get(0).get("id").asText());
        assertEquals(user.toString(), consents.get(0).get("user_id").asText());
        assertEquals("terms", consents.get(0).get("consent_type").asText());
        assertTrue(consents.get(0).get("granted").booleanValue());
        assertEquals("127.0.0.1", r.consent().ip());

        // Credits: purchase of the cheapest package (100), replay returns the same row, spend 30, overdraw refused.
        assertEquals(0, r.balanceBefore());
        assertEquals(100, r.purchase().orElseThrow().delta());
        assertEquals(r.purchase().orElseThrow().id(), r.purchaseReplay().orElseThrow().id());
        assertEquals(-SupabaseWalkthrough.SPEND_AMOUNT, r.spend().orElseThrow().delta());
        assertEquals(70, r.spend().orElseThrow().balanceAfter());
        assertEquals("RLC01", r.overdraw().code().orElseThrow());
        assertEquals(70, r.overdraw().balance().orElseThrow());
        assertEquals(71, r.overdraw().requested().orElseThrow());
        assertEquals(70, r.balanceAfter());
        assertEquals(70, standIn.creditBalance(user));
        assertEquals(2, standIn.rows("credits_transactions").size(), "one purchase, one spend; nothing else moved");

        // Audit: one event per audited mutation, each stored once in logs_audit.
        List<AuditEvent> events = r.auditEvents();
        assertEquals(List.of("insert offers", "soft_delete offers", "insert legal_consents"),
                events.stream().map(e -> e.action() + " " + e.entityType()).collect(Collectors.toList()));
        assertEquals(List.of(created.id().toString(), created.id().toString(), r.consent().id().toString()),
                events.stream().map(AuditEvent::entityId).collect(Collectors.toList()));
        events.forEach(e -> assertEquals(user.toString(), e.actorId()));
        assertEquals(3, r.auditStored());
        List<JsonNode> auditRows = standIn.rows("logs_audit");
        assertEquals(events.stream().map(e -> e.eventId().toString()).collect(Collectors.toList()),
                auditRows.stream().map(a -> a.get("event_id").asText()).collect(Collectors.toList()));
        assertTrue(auditRows.get(1).get("changes").has("deleted_at"), auditRows.get(1).toString());

        // Readable output, every step and what came back.
        for (String expected : List.of("Target: local stand-in", "[1/6]", "[6/6]", "signed in as "
                + standIn.demoEmail(), "3 live offers", "the deleted offer is gone", "consent "
                + r.consent().id(), "refused with InsufficientCreditsException (code RLC01", "3 of 3 stored",
                "audit event: soft_delete offers/" + created.id())) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in:\n" + text);
        }
        assertNoSecret(text, standIn);
    }

    @Test
    void aProjectWithoutServiceRoleKeySkipsThePurchaseAndStillRefusesTheOverdraw() {
        // The stand-in plays a real project configured with the publishable key only.
        SdkConfig.Builder sources = SdkConfig.builder()
                .environmentVariables(Map.of("SUPABASE_URL", standIn.url(),
                        "SUPABASE_ANON_KEY", standIn.publishableKey().reveal()))
                .systemProperties(new Properties())
                .noDotEnvFile();
        Map<String, String> demo = Map.of(SupabaseTarget.DEMO_EMAIL, standIn.demoEmail(),
                SupabaseTarget.DEMO_PASSWORD, standIn.demoPassword().reveal());
        SupabaseWalkthrough.Result r;
        try (SupabaseTarget target = SupabaseTarget.select(sources, demo::get)) {
            assertEquals(SupabaseTarget.Mode.SUPABASE, target.mode());
            r = SupabaseWalkthrough.run(target, out);
        }
        String text = output();
        assertTrue(r.purchase().isEmpty());
        assertTrue(r.spend().isEmpty(), "nothing to spend");
        assertEquals(0, r.overdraw().balance().orElseThrow());
        assertEquals(1, r.overdraw().requested().orElseThrow());
        assertEquals(0, r.balanceAfter());
        assertTrue(standIn.rows("credits_transactions").isEmpty());
        assertEquals(3, r.auditEvents().size(), "still emitted and printed");
        assertEquals(0, r.auditStored());
        assertTrue(standIn.rows("logs_audit").isEmpty(), "nothing stored without the service role");
        assertTrue(text.contains("Target: Supabase project at " + standIn.url()), text);
        assertTrue(text.contains("purchase skipped: SUPABASE_SERVICE_ROLE_KEY is not set"), text);
        assertNoSecret(text, standIn);
    }

    /** No JWT (they start with the base64 of '{"'), key or password of the stand-in in the output. */
    static void assertNoSecret(String text, SupabaseStandIn standIn) {
        assertFalse(text.contains("eyJ"), "a JWT was printed:\n" + text);
        for (String secret : List.of(standIn.publishableKey().reveal(), standIn.secretKey().reveal(),
                standIn.demoPassword().reveal(), "sb_publishable_", "sb_secret_")) {
            assertFalse(text.contains(secret), "a secret was printed:\n" + text);
        }
    }
}
