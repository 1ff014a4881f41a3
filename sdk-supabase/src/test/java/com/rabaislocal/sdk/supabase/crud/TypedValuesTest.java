package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.line;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.offerRow;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.rowId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.supabase.postgrest.RowStream;
import com.rabaislocal.sdk.supabase.tables.AppRole;
import com.rabaislocal.sdk.supabase.tables.ConsentType;
import com.rabaislocal.sdk.supabase.tables.Offer;
import com.rabaislocal.sdk.supabase.tables.OfferStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Offer status, app role and consent type as typed values open to what the database holds; typed streams. */
class TypedValuesTest {

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void knownValuesAreTheConstantsAndUnknownOnesStayReadable() throws Exception {
        assertEquals(OfferStatus.ACTIVE, OfferStatus.of("active"));
        assertEquals(AppRole.ADMIN, AppRole.of("admin"));
        assertEquals(ConsentType.MARKETING, ConsentType.of("marketing"));
        assertFalse(OfferStatus.of("archived").isKnown());
        assertNotEquals(AppRole.MERCHANT, AppRole.of("Merchant"), "the database compares text exactly");
        assertThrows(ValidationException.class, () -> OfferStatus.of(" "));

        Offer read = SdkJson.mapper().treeToValue(offerRow(rowId(1), "Pizza").put("status", "archived"), Offer.class);
        assertEquals("archived", read.status().value());
        assertEquals("\"active\"", SdkJson.mapper().writeValueAsString(OfferStatus.ACTIVE));
    }

    @Test
    void aStatusThisVersionDoesNotKnowIsNotWritten() {
        Offer offer = Offer.builder().merchantId(java.util.UUID.fromString(CrudKit.USER_ID)).title("Pizza")
                .status(OfferStatus.of("archived")).city("Laval").build();

        ValidationException e = assertThrows(ValidationException.class, () -> kit.user().offers().insert(offer));
        assertTrue(e.fieldErrors().get("status").get(0).contains("must be one of [draft, active, expired]"),
                e.getMessage());
        assertEquals(0, kit.mock.requestCount());
    }

    @Test
    void aTypedValueFiltersAsItsText() {
        kit.json(200, "[]");
        kit.user().offers().list(q -> q.eq("status", OfferStatus.ACTIVE));

        assertEquals("GET /rest/v1/offers?select=*&deleted_at=is.null&status=eq.active", line(kit.take()));
    }

    @Test
    void aRepositoryStreamsItsOwnRowType() {
        ObjectNode first = offerRow(rowId(1), "Pizza");
        ObjectNode second = offerRow(rowId(2), "Poutine");
        kit.json(200, List.of(first, second));

        List<String> titles = new ArrayList<>();
        try (RowStream<Offer> rows = kit.user().offers().stream(q -> q.order("id"))) {
            rows.forEach(o -> titles.add(o.title() + " " + o.status()));
        }

        assertEquals(List.of("Pizza active", "Poutine active"), titles);
        assertEquals("GET /rest/v1/offers?select=*&deleted_at=is.null&order=id.asc", line(kit.take()));
    }
}
