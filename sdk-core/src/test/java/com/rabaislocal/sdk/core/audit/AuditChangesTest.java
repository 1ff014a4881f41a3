package com.rabaislocal.sdk.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditChangesTest {

    private static final ObjectMapper MAPPER = SdkJson.mapper();

    enum Status { DRAFT, PUBLISHED }

    record Price(BigDecimal amount, String currency) { }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void diffKeepsOnlyChangedFieldsOnBothSides() {
        Map<String, Object> before = map("id", 42, "title", "Pizza", "price", new BigDecimal("12.50"),
                "status", "draft", "deleted_at", null);
        Map<String, Object> after = map("id", 42L, "title", "Pizza 2", "price", new BigDecimal("12.5"),
                "status", "published", "deleted_at", null);

        AuditChanges changes = AuditChanges.diff(before, after);

        assertEquals(map("title", "Pizza", "status", "draft"), changes.before());
        assertEquals(map("title", "Pizza 2", "status", "published"), changes.after());
        assertEquals(List.of("title", "status"), List.copyOf(changes.fields()));
    }

    @Test
    void diffReportsFieldsPresentOnOneSideOnlyOnThatSide() {
        AuditChanges changes = AuditChanges.diff(map("a", 1, "gone", "x"), map("a", 1, "added", true));

        assertEquals(map("gone", "x"), changes.before());
        assertEquals(map("added", true), changes.after());
    }

    @Test
    void diffOfInsertKeepsWholeRowAfterAndOfPurgeWholeRowBefore() {
        Map<String, Object> row = map("id", 7, "title", "Sushi", "deleted_at", null);

        AuditChanges insert = AuditChanges.diff(null, row);
        assertEquals(Map.of(), insert.before());
        assertEquals(row, insert.after());

        AuditChanges purge = AuditChanges.diff(row, Map.of());
        assertEquals(row, purge.before());
        assertEquals(Map.of(), purge.after());
    }

    @Test
    void diffOfIdenticalSnapshotsIsEmpty() {
        AuditChanges changes = AuditChanges.diff(map("n", 5, "nested", map("x", List.of(1, 2))),
                map("n", 5.0, "nested", map("x", List.of(1L, 2L))));

        assertTrue(changes.isEmpty());
        assertSame(AuditChanges.none(), changes);
    }

    @Test
    void diffComparesNestedValuesDeeply() {
        AuditChanges changes = AuditChanges.diff(map("tags", List.of("a", "b"), "meta", map("k", 1)),
                map("tags", List.of("a", "c"), "meta", map("k", 1)));

        assertEquals(map("tags", List.of("a", "b")), changes.before());
        assertEquals(map("tags", List.of("a", "c")), changes.after());
    }

    @Test
    void nullAndAbsentAreDifferent() {
        AuditChanges changes = AuditChanges.diff(map("x", null), map());

        assertEquals(map("x", null), changes.before());
        assertTrue(changes.after().isEmpty());
    }

    @Test
    void valuesAreNormalizedToPlainJsonValues() {
        Instant at = Instant.parse("2025-03-01T10:15:30.123456789Z");
        AuditChanges changes = AuditChanges.of(
                map("status", Status.DRAFT, "at", at, "day", LocalDate.of(2025, 3, 1),
                        "price", new Price(new BigDecimal("19.99"), "CAD"), "ratio", 0.25f),
                null);

        Map<String, Object> b = changes.before();
        assertEquals("DRAFT", b.get("status"));
        assertEquals("2025-03-01T10:15:30.123456789Z", b.get("at"));
        assertEquals("2025-03-01", b.get("day"));
        assertEquals(map("amount", new BigDecimal("19.99"), "currency", "CAD"), b.get("price"));
        assertEquals(new BigDecimal("0.25"), b.get("ratio"));
    }

    @Test
    void ofKeepsUnchangedFields() {
        AuditChanges changes = AuditChanges.of(map("a", 1, "b", 2), map("a", 1, "b", 3));

        assertEquals(map("a", 1, "b", 2), changes.before());
        assertEquals(map("a", 1, "b", 3), changes.after());
    }

    @Test
    void mapsAreUnmodifiableAtEveryLevel() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("k", List.of(1));
        AuditChanges changes = AuditChanges.of(map("n", nested), map());

        assertThrows(UnsupportedOperationException.class, () -> changes.before().put("x", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) changes.before().get("n");
        assertThrows(UnsupportedOperationException.class, () -> inner.put("y", 2));
        // Later edits of the caller's map do not leak into the recorded changes.
        nested.put("k", "changed");
        assertEquals(map("k", List.of(1)), changes.before().get("n"));
    }

    @Test
    void unserializableValueIsRejectedWithTheSide() {
        Map<String, Object> after = map("blob", new Object());

        ValidationException e = assertThrows(ValidationException.class, () -> AuditChanges.diff(null, after));

        assertEquals(Set.of("changes.after"), e.fieldErrors().keySet());
        assertTrue(e.getMessage().startsWith("Invalid audit changes: changes.after: is not serializable to JSON"),
                e.getMessage());
    }

    @Test
    void jsonRoundTripKeepsDecimalsExact() throws Exception {
        AuditChanges changes = AuditChanges.diff(
                map("balance", new BigDecimal("12345678901234567890.123456789"), "count", 3_000_000_000L),
                map("balance", new BigDecimal("0.10"), "count", 1));

        String json = MAPPER.writeValueAsString(changes);
        AuditChanges back = MAPPER.readValue(json, AuditChanges.class);

        assertEquals(changes, back);
        assertEquals(new BigDecimal("12345678901234567890.123456789"), back.before().get("balance"));
        assertEquals(new BigDecimal("0.10"), back.after().get("balance"));
        assertEquals("{\"before\":{\"balance\":12345678901234567890.123456789,\"count\":3000000000},"
                + "\"after\":{\"balance\":0.10,\"count\":1}}", json);
    }

    @Test
    void jsonReadingToleratesMissingSidesAndRejectsNonObjects() throws Exception {
        assertSame(AuditChanges.none(), MAPPER.readValue("{}", AuditChanges.class));
        assertEquals(map("a", 1), MAPPER.readValue("{\"after\":{\"a\":1},\"extra\":true}", AuditChanges.class)
                .after());

        Exception e = assertThrows(Exception.class, () -> MAPPER.readValue("{\"before\":[1]}", AuditChanges.class));
        assertTrue(e.getMessage().contains("expected a JSON object but found an array"), e.getMessage());
    }

    @Test
    void redactHidesValuesButKeepsTheFactThatTheyChanged() {
        AuditChanges changes = AuditChanges.diff(map("email", "a@x.ca", "password_hash", "$2a$old"),
                map("email", "a@x.ca", "password_hash", "$2a$new", "api_token", "tok"));

        AuditChanges redacted = changes.redact(List.of("password_hash", "api_token"));

        assertEquals(map("password_hash", AuditChanges.REDACTED), redacted.before());
        assertEquals(map("password_hash", AuditChanges.REDACTED, "api_token", AuditChanges.REDACTED),
                redacted.after());
        assertFalse(redacted.toString().contains("$2a$"));
        assertSame(changes, changes.redact(List.of("not_there")));
    }

    @Test
    void byFieldIsTheLogsAuditShapeAndReadsBack() throws Exception {
        AuditChanges changes = AuditChanges.diff(map("title", "Pizza", "gone", 1, "same", true),
                map("title", "Pizza XL", "same", true, "added", null));

        Map<String, Map<String, Object>> byField = changes.byField();

        assertEquals("{\"title\":{\"old\":\"Pizza\",\"new\":\"Pizza XL\"},\"gone\":{\"old\":1},"
                + "\"added\":{\"new\":null}}", MAPPER.writeValueAsString(byField));
        assertEquals(changes, AuditChanges.fromByField(byField));
        Map<String, Object> parsed = MAPPER.readValue(MAPPER.writeValueAsString(byField),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertEquals(changes, AuditChanges.fromByField(parsed));
        assertTrue(AuditChanges.none().byField().isEmpty());
        assertSame(AuditChanges.none(), AuditChanges.fromByField(null));
    }

    @Test
    void fromByFieldNamesEveryMalformedField() {
        ValidationException e = assertThrows(ValidationException.class, () -> AuditChanges.fromByField(
                map("ok", map("new", 1), "flat", 5, "empty", map(), "extra", map("old", 1, "was", 2))));

        assertEquals(List.of("changes.flat", "changes.empty", "changes.extra"), List.copyOf(e.fieldErrors().keySet()));
        assertEquals(List.of("must be an object with \"old\" and/or \"new\" and nothing else"),
                e.fieldErrors().get("changes.flat"));
    }

    @Test
    void withoutDropsFieldsOnBothSides() {
        AuditChanges changes = AuditChanges.diff(map("title", "a", "updated_at", "2025-01-01T00:00:00Z"),
                map("title", "b", "updated_at", "2025-01-02T00:00:00Z"));

        assertEquals(AuditChanges.diff(map("title", "a"), map("title", "b")), changes.without(List.of("updated_at")));
        assertSame(AuditChanges.none(), AuditChanges.diff(map("updated_at", 1), map("updated_at", 2))
                .without(Set.of("updated_at")));
        assertSame(changes, changes.without(List.of("absent")));
    }

    @Test
    void toStringListsFieldNamesOnly() {
        AuditChanges changes = AuditChanges.diff(map("email", "old@x.ca"), map("email", "new@x.ca"));

        assertEquals("AuditChanges[fields=[email]]", changes.toString());
    }

    @Test
    void equalityIsByValue() {
        assertEquals(AuditChanges.of(map("a", 1), map()), AuditChanges.of(map("a", 1), null));
        assertEquals(AuditChanges.of(map("a", 1), map()).hashCode(), AuditChanges.of(map("a", 1), null).hashCode());
        assertNotEquals(AuditChanges.of(map("a", 1), map()), AuditChanges.of(map(), map("a", 1)));
    }
}
