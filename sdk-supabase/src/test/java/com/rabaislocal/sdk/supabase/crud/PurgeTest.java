package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.eventId;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.line;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.offerRow;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.rowId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import com.rabaislocal.sdk.supabase.tables.Offer;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Purge: a hard DELETE only on the service-role client, refused before any request elsewhere; one event. */
class PurgeTest {

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void aPurgeIsRefusedBeforeAnyRequestWithoutTheServiceRole() {
        for (SupabaseCrud crud : List.of(kit.user(), kit.anon(),
                kit.builder(kit.serviceClient().withAccessToken(MockSupabase.USER_JWT)).build())) {
            CrudPermissionException e = assertThrows(CrudPermissionException.class,
                    () -> crud.offers().purge(rowId(1)));
            assertEquals("purge offers/" + rowId(1), e.operation());
            assertTrue(e.getMessage().contains("service-role client"), e.getMessage());
            assertTrue(e.getMessage().contains("softDelete"), e.getMessage());
        }
        assertThrows(CrudPermissionException.class, () -> kit.user().creditsPackages().purge(rowId(2)));
        assertEquals(0, kit.mock.requestCount());
        assertEquals(0, kit.sink.calls());
    }

    @Test
    void theServiceRolePurgesWithOneDeleteAndOneEventHoldingTheRow() {
        kit.json(200, List.of(offerRow(rowId(1), "Pizza")));

        Offer gone = kit.service().offers().purge(rowId(1));

        assertEquals("Pizza", gone.title());
        RecordedRequest r = kit.take();
        assertEquals("DELETE /rest/v1/offers?id=eq." + rowId(1), line(r));
        assertEquals("return=representation", r.getHeader("Prefer"));
        assertEquals(eventId(1).toString(), r.getHeader("X-Audit-Event-Id"));
        assertEquals("Bearer " + MockSupabase.SERVICE_JWT, r.getHeader("Authorization"));

        AuditEvent e = kit.onlyEvent();
        assertEquals(AuditEvent.PURGE, e.action());
        assertNull(e.actorId());
        assertEquals("service_role", e.actorRole());
        assertTrue(e.changes().after().isEmpty());
        assertEquals("Pizza", e.changes().before().get("title"));
        assertTrue(!e.changes().before().containsKey("deleted_at"), "null columns are left out, as on insert");
    }

    @Test
    void purgingNothingOrSomethingStillReferencedEmitsNoEvent() {
        kit.json(200, "[]");
        assertThrows(RowNotFoundException.class, () -> kit.service().offers().purge(rowId(1)));
        kit.json(409, "{\"code\":\"23503\",\"message\":\"update or delete on table \\\"credits_packages\\\" violates"
                + " foreign key constraint\",\"details\":\"Key is still referenced from table"
                + " \\\"credits_transactions\\\".\",\"hint\":null}");
        assertThrows(ConflictException.class, () -> kit.service().creditsPackages().purge(rowId(2)));
        assertEquals(2, kit.mock.requestCount());
        assertEquals(0, kit.sink.calls());
    }
}
