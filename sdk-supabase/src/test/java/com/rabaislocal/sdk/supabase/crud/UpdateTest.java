package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.eventId;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.line;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.offerRow;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.rowId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.supabase.postgrest.UnexpectedRowCountException;
import com.rabaislocal.sdk.supabase.tables.Offer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Update: validated, the previous row read for the diff, one PATCH of one row, one event with only the changes. */
class UpdateTest {

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private static Offer stored() {
        return com.rabaislocal.sdk.supabase.crud.RowJson.bind(offerRow(rowId(1), "Pizza"), Offer.class, "test");
    }

    @Test
    void anUpdateReadsTheRowThenPatchesItAndEmitsTheChangedColumnsOnly() {
        ObjectNode after = offerRow(rowId(1), "Pizza XL").put("discount_percent", 25)
                .put("updated_at", "2026-03-01T12:05:00+00:00");
        kit.json(200, List.of(offerRow(rowId(1), "Pizza")));
        kit.json(200, List.of(after));

        Offer changed = stored().toBuilder().title("Pizza XL").discountPercent(new BigDecimal("25"))
                .description(null).status(null).build();
        Offer result = kit.user().offers().update(changed);

        assertEquals("Pizza XL", result.title());
        RecordedRequest read = kit.take();
        assertEquals("GET /rest/v1/offers?select=*&id=eq." + rowId(1) + "&limit=2", line(read));
        assertNull(read.getHeader("X-Audit-Event-Id"));
        assertEquals(CrudKit.REQUEST_ID, read.getHeader("X-Request-Id"));

        RecordedRequest patch = kit.take();
        assertEquals("PATCH /rest/v1/offers?id=eq." + rowId(1), line(patch));
        assertEquals("return=representation,count=exact", patch.getHeader("Prefer"));
        assertEquals(eventId(1).toString(), patch.getHeader("X-Audit-Event-Id"));
        assertEquals(CrudKit.IP, patch.getHeader("X-Forwarded-For"));
        // Every writable column: nullable ones as null (description, ends_at, discount_amount_cents), the NOT NULL
        // status left out as unchanged; never id, created_at, updated_at, deleted_at or deleted_by.
        assertEquals(CrudKit.json("{\"merchant_id\":\"" + CrudKit.USER_ID + "\",\"title\":\"Pizza XL\","
                + "\"description\":null,\"discount_percent\":25,\"discount_amount_cents\":null,"
                + "\"starts_at\":\"2026-03-01T12:00:00Z\",\"ends_at\":null,\"city\":\"Sherbrooke\"}"),
                CrudKit.body(patch));

        AuditEvent e = kit.onlyEvent();
        assertEquals(AuditEvent.UPDATE, e.action());
        assertEquals(eventId(1), e.eventId());
        assertEquals(rowId(1).toString(), e.entityId());
        assertEquals(Map.of("title", "Pizza", "discount_percent", new BigDecimal("20.0")), e.changes().before());
        assertEquals(Map.of("title", "Pizza XL", "discount_percent", 25), e.changes().after());
    }

    @Test
    void aRowThisClientCannotSeeIsNotFoundAndNothingIsPatched() {
        kit.json(200, "[]");
        RowNotFoundException e = assertThrows(RowNotFoundException.class,
                () -> kit.user().offers().update(stored().toBuilder().title("Pizza XL").build()));
        assertEquals(rowId(1).toString(), e.id());
        assertEquals(1, kit.mock.requestCount());
        assertEquals(0, kit.sink.calls());
    }

    @Test
    void aPatchThatRowLevelSecurityTurnsIntoANoOpFailsWithoutAnEvent() {
        kit.json(200, List.of(offerRow(rowId(1), "Pizza")));
        kit.mock.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/json").setHeader("Content-Range", "*/0").setBody("[]"));
        UnexpectedRowCountException e = assertThrows(UnexpectedRowCountException.class,
                () -> kit.user().offers().update(stored().toBuilder().title("Pizza XL").build()));
        assertEquals(0L, e.actual().orElseThrow());
        assertEquals(0, kit.sink.calls());
    }

    @Test
    void aPatchTheDatabaseRefusesEmitsNoEvent() {
        kit.json(200, List.of(offerRow(rowId(1), "Pizza")));
        kit.json(400, "{\"code\":\"23514\",\"message\":\"new row for relation \\\"offers\\\" violates check constraint"
                + " \\\"offers_window_check\\\"\",\"details\":null,\"hint\":null}");
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> kit.user().offers().update(stored().toBuilder().title("Pizza XL").build()));
        assertEquals("23514", e.code().orElseThrow());
        assertEquals(2, kit.mock.requestCount(), "a PATCH is sent once");
        assertEquals(0, kit.sink.calls());
    }

    @Test
    void deactivatingAPackageIsAnAuditedUpdateOfOneColumn() {
        Map<String, Object> pkg = new java.util.LinkedHashMap<>(Map.of("id", rowId(3).toString(), "name", "Starter",
                "credits", 100, "price_cents", 999, "currency", "CAD", "active", true));
        kit.json(200, List.of(pkg));
        pkg.put("active", false);
        kit.json(200, List.of(pkg));

        assertEquals(false, kit.service().creditsPackages().deactivate(rowId(3)).active());

        kit.take();
        RecordedRequest patch = kit.take();
        assertEquals("PATCH /rest/v1/credits_packages?id=eq." + rowId(3), line(patch));
        assertEquals(CrudKit.json("{\"active\":false}"), CrudKit.body(patch));
        AuditEvent e = kit.onlyEvent();
        assertEquals(Map.of("active", true), e.changes().before());
        assertEquals(Map.of("active", false), e.changes().after());
        assertEquals("service_role", e.actorRole());
    }
}
