package com.rabaislocal.sdk.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final ObjectMapper MAPPER = SdkJson.mapper();

    private static AuditEvent full() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("title", "Pizza");
        before.put("price", new BigDecimal("12.50"));
        before.put("deleted_at", null);
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("title", "Pizza XL");
        after.put("price", new BigDecimal("15.00"));
        after.put("tags", List.of("food", "promo"));
        return AuditEvent.builder()
                .eventId(UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"))
                .occurredAt(Instant.parse("2025-06-01T12:34:56.123456789Z"))
                .actorId("a5b1f0e2-0000-4000-8000-000000000001")
                .actorRole("authenticated")
                .action(AuditEvent.UPDATE)
                .entityType("offers")
                .entityId("42")
                .diff(before, after)
                .sourceIp("2001:db8::1")
                .requestId("req-9f8e")
                .build();
    }

    @Test
    void builderGeneratesIdAndTimeAndDefaultsToNoChanges() {
        Instant lower = Instant.now();
        AuditEvent a = AuditEvent.builder().action("login").entityType("users").build();
        AuditEvent b = AuditEvent.builder().action("login").entityType("users").build();

        assertNotNull(a.eventId());
        assertNotEquals(a.eventId(), b.eventId());
        assertFalse(a.occurredAt().isBefore(lower));
        assertSame(AuditChanges.none(), a.changes());
        assertNull(a.actorId());
        assertNull(a.actorRole());
        assertNull(a.entityId());
        assertNull(a.sourceIp());
        assertNull(a.requestId());
    }

    @Test
    void accessorsReturnWhatWasSet() {
        AuditEvent e = full();

        assertEquals(UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"), e.eventId());
        assertEquals(Instant.parse("2025-06-01T12:34:56.123456789Z"), e.occurredAt());
        assertEquals("a5b1f0e2-0000-4000-8000-000000000001", e.actorId());
        assertEquals("authenticated", e.actorRole());
        assertEquals("update", e.action());
        assertEquals("offers", e.entityType());
        assertEquals("42", e.entityId());
        assertEquals(Map.of("title", "Pizza", "price", new BigDecimal("12.50")), e.changes().before());
        assertEquals(Map.of("title", "Pizza XL", "price", new BigDecimal("15.00"), "tags", List.of("food", "promo")),
                e.changes().after());
        assertEquals("2001:db8::1", e.sourceIp());
        assertEquals("req-9f8e", e.requestId());
    }

    @Test
    void toBuilderKeepsEveryFieldIncludingTheId() {
        AuditEvent e = full();

        assertEquals(e, e.toBuilder().build());
        AuditEvent changed = e.toBuilder().action(AuditEvent.SOFT_DELETE).build();
        assertEquals(e.eventId(), changed.eventId());
        assertEquals("soft_delete", changed.action());
        assertNotEquals(e, changed);
    }

    @Test
    void jsonRoundTripWithTheSdkMapper() throws Exception {
        AuditEvent e = full();

        String json = MAPPER.writeValueAsString(e);
        AuditEvent back = MAPPER.readValue(json, AuditEvent.class);

        assertEquals(e, back);
        assertEquals(e.hashCode(), back.hashCode());
        assertEquals(json, back.toJson());
    }

    @Test
    void jsonUsesSnakeCaseAndWritesNulls() throws Exception {
        AuditEvent system = AuditEvent.builder()
                .eventId(UUID.fromString("00000000-0000-4000-8000-000000000007"))
                .occurredAt(Instant.parse("2025-01-02T03:04:05Z"))
                .action(AuditEvent.PURGE).entityType("offers").entityId("7")
                .build();

        assertEquals("{\"event_id\":\"00000000-0000-4000-8000-000000000007\","
                + "\"occurred_at\":\"2025-01-02T03:04:05Z\",\"actor_id\":null,\"actor_role\":null,"
                + "\"action\":\"purge\",\"entity_type\":\"offers\",\"entity_id\":\"7\","
                + "\"changes\":{\"before\":{},\"after\":{}},\"source_ip\":null,\"request_id\":null}",
                system.toJson());
        String json = full().toJson();
        JsonNode tree = MAPPER.readTree(json);
        assertEquals("req-9f8e", tree.get("request_id").asText());
        assertEquals("Pizza XL", tree.at("/changes/after/title").asText());
        // Decimals are written exactly as given, trailing zeros included.
        assertTrue(json.contains("\"after\":{\"title\":\"Pizza XL\",\"price\":15.00,"), json);
    }

    @Test
    void toJsonIsOneLineEvenWithLineBreaksInValues() {
        AuditEvent e = AuditEvent.builder().action("update").entityType("notes")
                .diff(Map.of("body", "line1\nline2"), Map.of("body", "line1\r\nline3")).build();

        String json = e.toJson();

        assertFalse(json.contains("\n"));
        assertFalse(json.contains("\r"));
        assertEquals(e, AuditEvent.fromJson(json));
    }

    @Test
    void fromJsonToleratesUnknownFieldsAndFillsDefaults() {
        AuditEvent e = AuditEvent.fromJson("{\"action\":\"login\",\"entity_type\":\"users\",\"entity_id\":\"u1\","
                + "\"future_field\":{\"x\":1}}");

        assertEquals("login", e.action());
        assertEquals("u1", e.entityId());
        assertNotNull(e.eventId());
        assertNotNull(e.occurredAt());
        assertSame(AuditChanges.none(), e.changes());
    }

    @Test
    void validationListsEveryMissingRequiredField() {
        ValidationException e = assertThrows(ValidationException.class, () -> AuditEvent.builder().build());

        assertEquals(List.of("action", "entityType"), List.copyOf(e.fieldErrors().keySet()));
        assertEquals("Invalid audit event: action: is required (e.g. \"insert\", \"update\" or \"login\"); "
                + "entityType: is required (e.g. the table name such as \"offers\")", e.getMessage());
    }

    @Test
    void validationRejectsBlankValues() {
        ValidationException e = assertThrows(ValidationException.class, () -> AuditEvent.builder()
                .action(" ").entityType("offers").actorId("").sourceIp("  ").requestId("\t").build());

        assertEquals(List.of("action", "actorId", "sourceIp", "requestId"), List.copyOf(e.fieldErrors().keySet()));
        assertEquals(List.of("must not be blank (e.g. \"insert\", \"update\" or \"login\")"),
                e.fieldErrors().get("action"));
        assertEquals(List.of("must not be blank; leave it null when unknown"), e.fieldErrors().get("actorId"));
    }

    @Test
    void sourceIpMustBeAnAddressLiteral() {
        for (String ok : List.of("203.0.113.7", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::1", "::",
                "::ffff:192.0.2.33", "FE80:0:0:0:200:F8FF:FE21:67CF")) {
            assertEquals(ok, AuditEvent.builder().action("login").entityType("users").sourceIp(ok).build().sourceIp());
        }
        for (String bad : List.of("unknown", "256.1.1.1", "1.2.3", "example.com", "[::1]", "fe80::1%eth0",
                "1:2:3", ".:", "203.0.113.7, 10.0.0.1")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> AuditEvent.builder().action("login").entityType("users").sourceIp(bad).build(), bad);
            assertEquals(List.of("must be an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::1 (was \"" + bad
                    + "\")"), e.fieldErrors().get("sourceIp"));
        }
    }

    @Test
    void actionAndEntityTypeAreAtMostOneHundredCharacters() {
        String longName = "x".repeat(101);

        ValidationException e = assertThrows(ValidationException.class,
                () -> AuditEvent.builder().action(longName).entityType(longName).build());

        assertEquals(Map.of("action", List.of("must be at most 100 characters (was 101)"),
                "entityType", List.of("must be at most 100 characters (was 101)")), e.fieldErrors());
        assertEquals(100, AuditEvent.builder().action("y".repeat(100)).entityType("offers").build().action().length());
    }

    @Test
    void fromJsonReportsInvalidEventsAndMalformedJson() {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> AuditEvent.fromJson("{\"entity_type\":\"offers\"}"));
        assertEquals("Invalid audit event: action: is required (e.g. \"insert\", \"update\" or \"login\")",
                missing.getMessage());

        ValidationException torn = assertThrows(ValidationException.class,
                () -> AuditEvent.fromJson("{\"event_id\":\"6f1c2a3b-4d5e"));
        assertTrue(torn.getMessage().startsWith("Invalid argument: json: is not a valid audit event: "),
                torn.getMessage());

        ValidationException badId = assertThrows(ValidationException.class,
                () -> AuditEvent.fromJson("{\"event_id\":\"nope\",\"action\":\"a\",\"entity_type\":\"b\"}"));
        assertTrue(badId.getMessage().contains("is not a valid audit event"), badId.getMessage());

        assertThrows(ValidationException.class, () -> AuditEvent.fromJson("null"));
        assertThrows(ValidationException.class, () -> AuditEvent.fromJson(null));
    }

    @Test
    void toStringLeavesOutChangedValuesAndIp() {
        String s = full().toString();

        assertTrue(s.contains("action=update"), s);
        assertTrue(s.contains("entity=offers/42"), s);
        assertTrue(s.contains("changedFields=[title, price, tags]"), s);
        assertFalse(s.contains("Pizza"), s);
        assertFalse(s.contains("2001:db8::1"), s);
        assertTrue(AuditEvent.builder().action("purge").entityType("offers").build().toString()
                .contains("actor=system"));
    }
}
