package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.tables.CreditTransaction;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The credit functions as typed calls: exact RPCs, retried thanks to the idempotency key, typed refusals. */
class CreditsWireTest {

    private static final UUID USER = UUID.fromString(CrudKit.USER_ID);
    private static final UUID PACKAGE = UUID.fromString("5a5a5a5a-0000-4000-8000-000000000001");

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private static String ledgerRow(long id, String kind, int delta, int balanceAfter, String reason, String key) {
        return "{\"id\":" + id + ",\"user_id\":\"" + CrudKit.USER_ID + "\",\"package_id\":"
                + (kind.equals("purchase") ? "\"" + PACKAGE + "\"" : "null") + ",\"kind\":\"" + kind + "\",\"delta\":"
                + delta + ",\"balance_after\":" + balanceAfter + ",\"reason\":\"" + reason + "\",\"idempotency_key\":\""
                + key + "\",\"created_at\":\"2026-03-01T12:00:00.000001+00:00\"}";
    }

    @Test
    void aSpendCallsSpendCreditsAndIsRetriedBecauseItsKeyMakesItSafe() {
        kit.json(503, "{\"code\":\"PGRST002\",\"message\":\"Could not query the database for the schema cache.\"}");
        kit.json(200, ledgerRow(12, "spend", -5, 95, "AI summary", "op-1"));

        CreditTransaction t = kit.user().credits().spend(5, "AI summary", "op-1");

        assertEquals(12L, t.id());
        assertEquals(-5, t.delta());
        assertEquals(95, t.balanceAfter());
        assertEquals(CreditTransaction.KIND_SPEND, t.kind());
        for (int i = 0; i < 2; i++) {
            RecordedRequest r = kit.take();
            assertEquals("POST /rest/v1/rpc/spend_credits", line(r));
            assertEquals(CrudKit.json("{\"p_amount\":5,\"p_reason\":\"AI summary\",\"p_idempotency_key\":\"op-1\"}"),
                    CrudKit.body(r));
            assertEquals(CrudKit.REQUEST_ID, r.getHeader("X-Request-Id"));
        }
        assertEquals(0, kit.sink.calls(), "the ledger is the trail of credit movements");
    }

    @Test
    void theServiceRolePurchasesAndSpendsForAUser() {
        kit.json(200, "[" + ledgerRow(1, "purchase", 100, 100, "purchase: Starter", "pay_123") + "]");
        CreditTransaction p = kit.service().credits().purchase(USER, PACKAGE, "pay_123");
        assertEquals(PACKAGE, p.packageId());
        RecordedRequest r = kit.take();
        assertEquals("POST /rest/v1/rpc/purchase_credits", line(r));
        assertEquals(CrudKit.json("{\"p_user_id\":\"" + USER + "\",\"p_package_id\":\"" + PACKAGE + "\","
                + "\"p_idempotency_key\":\"pay_123\"}"), CrudKit.body(r));

        kit.json(200, ledgerRow(2, "spend", -10, 90, "Export", "op-2"));
        kit.service().credits().spend(USER, 10, "Export", "op-2");
        assertEquals(CrudKit.json("{\"p_amount\":10,\"p_reason\":\"Export\",\"p_idempotency_key\":\"op-2\","
                + "\"p_user_id\":\"" + USER + "\"}"), CrudKit.body(kit.take()));

        kit.json(200, ledgerRow(3, "adjustment", 7, 97, "Goodwill", "adj-1"));
        kit.service().credits().adjust(USER, 7, "Goodwill", "adj-1");
        RecordedRequest adjust = kit.take();
        assertEquals("POST /rest/v1/rpc/adjust_credits", line(adjust));
        assertEquals(CrudKit.json("{\"p_user_id\":\"" + USER + "\",\"p_delta\":7,\"p_reason\":\"Goodwill\","
                + "\"p_idempotency_key\":\"adj-1\"}"), CrudKit.body(adjust));
    }

    @Test
    void aPurchaseIsRefusedBeforeAnyRequestOutsideTheServiceRole() {
        CrudPermissionException e = assertThrows(CrudPermissionException.class,
                () -> kit.user().credits().purchase(USER, PACKAGE, "pay_1"));
        assertTrue(e.getMessage().contains("payment backend"), e.getMessage());
        assertEquals(0, kit.mock.requestCount());
    }

    @Test
    void argumentsAreCheckedBeforeAnyRequest() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> kit.user().credits().spend(0, " ", "k".repeat(256)));
        assertEquals(List.of("amount", "reason", "idempotencyKey"), List.copyOf(e.fieldErrors().keySet()));
        assertThrows(ValidationException.class, () -> kit.service().credits().spend(5, "x", "k"),
                "the service role must name the user");
        assertThrows(ValidationException.class, () -> kit.service().credits().adjust(USER, 0, "x", "k"));
        assertThrows(ValidationException.class, () -> kit.service().credits().balance());
        assertEquals(0, kit.mock.requestCount());
    }

    @Test
    void theBalanceIsAReadOnlyGet() {
        kit.json(200, "42");
        assertEquals(42, kit.user().credits().balance());
        assertEquals("GET /rest/v1/rpc/credit_balance", line(kit.take()));
        kit.json(200, "0");
        assertEquals(0, kit.service().credits().balance(USER));
        assertEquals("GET /rest/v1/rpc/credit_balance?p_user_id=" + USER, line(kit.take()));
    }

    @Test
    void theDatabaseRefusalsArriveAsTypedExceptions() {
        kit.json(400, "{\"code\":\"RLC01\",\"message\":\"insufficient credits\",\"details\":\"balance 3, requested 5\","
                + "\"hint\":null}");
        InsufficientCreditsException low = assertThrows(InsufficientCreditsException.class,
                () -> kit.user().credits().spend(5, "AI summary", "op-9"));
        assertEquals(OptionalInt.of(3), low.balance());
        assertEquals(OptionalInt.of(5), low.requested());
        assertEquals(400, low.httpStatus());
        assertInstanceOf(InvalidRequestException.class, low, "caught with its family: the parser returns it typed");
        assertEquals(1, kit.mock.requestCount(), "a refusal is not retried");

        kit.json(400, "{\"code\":\"RLC02\",\"message\":\"credits: idempotency key already used for a different"
                + " request\",\"details\":null,\"hint\":\"Use a new idempotency key for a new operation.\"}");
        IdempotencyKeyReusedException reused = assertThrows(IdempotencyKeyReusedException.class,
                () -> kit.user().credits().spend(6, "AI summary", "op-9"));
        assertTrue(reused.getMessage().contains("Use a new idempotency key"), reused.getMessage());

        kit.json(400, "{\"code\":\"RLC03\",\"message\":\"credits: package " + PACKAGE + " is not available\"}");
        assertThrows(PackageUnavailableException.class, () -> kit.service().credits().purchase(USER, PACKAGE, "p"));

        kit.json(403, "{\"code\":\"42501\",\"message\":\"credits: only an admin can adjust credits\"}");
        assertThrows(PermissionDeniedException.class, () -> kit.user().credits().adjust(USER, 5, "x", "adj"));

        kit.json(400, "{\"code\":\"RLC01\",\"message\":\"insufficient credits\"}");
        InsufficientCreditsException noDetails = assertThrows(InsufficientCreditsException.class,
                () -> kit.service().credits().adjust(USER, -50, "Correction", "adj-2"));
        assertEquals(OptionalInt.empty(), noDetails.balance());
    }
}
