package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.offerRow;
import static com.rabaislocal.sdk.supabase.crud.CrudKit.rowId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.supabase.tables.Offer;
import com.rabaislocal.sdk.supabase.tables.OfferStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Repository writes whose 2xx answer does not fit: the row must be the row written, bound, before any audit event;
 * a failed write emits nothing. A body cut short on an insert (sent with its key, so safe to repeat) is retried.
 */
class WriteAnswerFaultTest {

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private static Offer newOffer() {
        return Offer.builder().merchantId(UUID.fromString(CrudKit.USER_ID)).title("Pizza")
                .discountPercent(new BigDecimal("20")).status(OfferStatus.ACTIVE).city("Sherbrooke").build();
    }

    @Test
    void anInsertAnsweredWithAnotherRowFailsAndEmitsNothing() {
        kit.json(201, List.of(offerRow(rowId(99), "Someone else's row")));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> kit.user().offers().insert(newOffer()));

        assertEquals(201, e.httpStatus());
        assertTrue(e.getMessage().contains("expected the row written (id " + rowId(1) + ")"), e.getMessage());
        assertTrue(kit.sink.events().isEmpty(), "no audit event for a failed insert: " + kit.sink.events());
    }

    @Test
    void anInsertAnsweredWithAnObjectInsteadOfRowsFailsAndEmitsNothing() {
        kit.json(201, "{\"data\":[" + CrudKit.write(offerRow(rowId(1), "Pizza")) + "],\"count\":1}");

        assertThrows(UnexpectedResponseException.class, () -> kit.user().offers().insert(newOffer()));
        assertTrue(kit.sink.events().isEmpty());
    }

    @Test
    void anInsertWhoseRowCannotBeBoundEmitsNothing() {
        ObjectNode row = offerRow(rowId(1), "Pizza");
        row.put("discount_percent", "vingt");
        kit.json(201, List.of(row));

        assertThrows(RabaisSdkException.class, () -> kit.user().offers().insert(newOffer()));
        assertTrue(kit.sink.events().isEmpty(), "the event waits for the bound row: " + kit.sink.events());
    }

    @Test
    void aRowWithoutAnIdIsNotTakenForTheRowWritten() {
        ObjectNode row = offerRow(rowId(1), "Pizza");
        row.remove("id");
        kit.json(201, List.of(row));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> kit.user().offers().insert(newOffer()));
        assertTrue(e.getMessage().contains("got a row with no id"), e.getMessage());
        assertTrue(kit.sink.events().isEmpty());
    }

    @Test
    void anInsertWhoseAnswerIsCutShortIsRetriedAndAuditedOnce() {
        kit.mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(CrudKit.write(List.of(offerRow(rowId(1), "Pizza"))))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        kit.json(201, List.of(offerRow(rowId(1), "Pizza")));

        Offer stored = kit.user().offers().insert(newOffer());

        assertEquals(rowId(1), stored.id());
        assertEquals(2, kit.mock.requestCount());
        assertEquals(rowId(1).toString(), kit.onlyEvent().entityId());
    }

    @Test
    void anUpdateAnsweredWithAnotherRowFailsAndEmitsNothing() {
        kit.json(200, List.of(offerRow(rowId(1), "Pizza")));
        kit.mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setHeader("Content-Range", "0-0/1")
                .setBody(CrudKit.write(List.of(offerRow(rowId(2), "Autre")))));

        Offer changed = Offer.builder().id(rowId(1)).merchantId(UUID.fromString(CrudKit.USER_ID)).title("Pizza XL")
                .discountPercent(new BigDecimal("20")).status(OfferStatus.ACTIVE).city("Sherbrooke").build();
        assertThrows(UnexpectedResponseException.class, () -> kit.user().offers().update(changed));
        assertTrue(kit.sink.events().isEmpty());
    }
}
