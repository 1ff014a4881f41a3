package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.goaffpro.affiliates.Affiliate;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateListParams;
import com.rabaislocal.sdk.goaffpro.error.GoAffProErrorParser;
import com.rabaislocal.sdk.goaffpro.orders.OrderListParams;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class ErrorMappingTest extends WireTestBase {

    @Test
    void http200WithShopNotFoundIsAnAuthenticationFailure() {
        enqueue("{\"error\":\"shop not found 4242\"}");
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> client.orders().page(OrderListParams.all(), null));
        assertEquals(200, e.httpStatus());
        assertEquals("shop not found 4242", e.serviceMessage());
        assertFalse(e.retryable());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void http200WithAMissingFieldsErrorIsAnInvalidRequest() {
        enqueue("{\"error\":\"fields is required\"}");
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> client.orders().page(OrderListParams.all(), null));
        assertTrue(e.getMessage().contains("fields is required"), e.getMessage());
        assertTrue(e.getMessage().contains("GET /v1/admin/orders"), e.getMessage());
    }

    @Test
    void http200WithSuccessFalseIsAnError() {
        enqueue("{\"success\":false,\"message\":\"order not found\"}");
        assertThrows(NotFoundException.class, () -> client.orders().delete("404"));
    }

    @Test
    void theDocumented403KeepsItsMessage() {
        enqueue(403, "{\"error\":\"Not authenticated\"}");
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> client.affiliates().page(AffiliateListParams.all(), 0));
        assertEquals("Not authenticated", e.serviceMessage());
    }

    @Test
    void anHtmlGatewayPageKeepsItsTextAndIsAServerError() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(504).addHeader("Content-Type", "text/html")
                    .body("<html><head><title>504 Gateway Time-out</title></head><body>nginx</body></html>").build());
        }
        ServerException e = assertThrows(ServerException.class, () -> client.groups().list());
        assertEquals("504 Gateway Time-out", e.serviceMessage());
        assertTrue(e.rawBody().contains("nginx"));
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void aPlainTextErrorKeepsItsText() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/plain")
                .body("Cannot GET /v1/admin/nothing").build());
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.webhooks().list());
        assertEquals("Cannot GET /v1/admin/nothing", e.serviceMessage());
    }

    @Test
    void aPlainTextConflictIsAConflict() {
        server.enqueue(new MockResponse.Builder().code(400).body("User already registered").build());
        ApiException e = assertThrows(ApiException.class, () -> client.webhooks().list());
        assertTrue(e instanceof ConflictException, e.getClass().getName());
    }

    @Test
    void aSuccessMissingItsPayloadKeyIsAnUnexpectedResponse() {
        enqueue("{\"count\":0}");
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.affiliates().page(AffiliateListParams.all(), 0));
        assertTrue(e.getMessage().contains("'affiliates'"), e.getMessage());

        enqueue("[{},{}]");
        assertThrows(UnexpectedResponseException.class, () -> client.affiliates().page(AffiliateListParams.all(), 0));
    }

    @Test
    void itemsWithoutIdsAreRefusedNotTurnedIntoNulls() {
        // What GoAffPro answers when fields is missing: empty objects.
        enqueue("{\"affiliates\":[{},{}]}");
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.affiliates().page(AffiliateListParams.all(), 0));
        assertTrue(e.getMessage().contains("'id'"), e.getMessage());
    }

    @Test
    void anUnreadableMoneyValueIsAnUnexpectedResponse() {
        enqueue("{\"orders\":[{\"id\":1,\"total\":\"fifty\"}]}");
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.orders().page(OrderListParams.all(), null));
        assertTrue(e.getMessage().contains("'total'"), e.getMessage());
    }

    @Test
    void errorFieldBesideAPayloadIsNotAnError() {
        enqueue("{\"affiliates\":[{\"id\":1}],\"error\":null}");
        Page<Affiliate> p = client.affiliates().page(AffiliateListParams.all(), 0);
        assertEquals(1, p.items().size());

        GoAffProErrorParser parser = new GoAffProErrorParser();
        assertTrue(parser.errorInSuccess("{\"error\":\"x\"}"));
        assertTrue(parser.errorInSuccess("{\"error\":{\"message\":\"x\"},\"code\":3}"));
        assertTrue(parser.errorInSuccess("{\"errors\":[\"x\"]}"));
        assertFalse(parser.errorInSuccess("{\"commission\":1,\"subtotal\":2,\"error\":\"x\"}"));
        assertFalse(parser.errorInSuccess("{\"error\":\"\"}"));
        assertFalse(parser.errorInSuccess("{\"error\":false,\"success\":true}"));
        assertFalse(parser.errorInSuccess("{}"));
        assertFalse(parser.errorInSuccess("not json"));
    }
}
