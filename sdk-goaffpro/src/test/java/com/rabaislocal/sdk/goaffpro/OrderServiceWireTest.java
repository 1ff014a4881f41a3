package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.goaffpro.orders.Order;
import com.rabaislocal.sdk.goaffpro.orders.OrderCreateParams;
import com.rabaislocal.sdk.goaffpro.orders.OrderListParams;
import com.rabaislocal.sdk.goaffpro.orders.OrderRecalculation;
import com.rabaislocal.sdk.goaffpro.orders.OrderStatus;
import com.rabaislocal.sdk.goaffpro.orders.OrderUpdateParams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class OrderServiceWireTest extends WireTestBase {

    @Test
    void listUsesSinceIdNeverOffsetAndReadsStatusNewAsPending() throws Exception {
        enqueue("{\"orders\":[{\"id\":\"101\",\"number\":\"#1001\",\"total\":\"58.00\",\"commission\":\"8.754800\","
                + "\"status\":\"new\",\"affiliate_id\":12345,\"created\":\"2024-03-01 10:00:00\","
                + "\"is_new_customer\":1,\"coupons\":[\"ANA10\"],\"line_items\":[{\"name\":\"Pain\","
                + "\"quantity\":\"2\",\"price\":\"4.50\"}]},"
                + "{\"id\":102,\"number\":1002,\"total\":12,\"status\":\"approved\",\"created\":1709287200000}]}");
        enqueue("{\"orders\":[{\"id\":103,\"status\":\"rejected\"}]}");

        OrderListParams p = OrderListParams.builder().status(OrderStatus.PENDING).affiliateId("12345")
                .newCustomer(true).limit(2).build();
        List<Order> all = client.orders().list(p).toList();

        RecordedRequest first = take("GET", "/admin/orders");
        assertEquals("new", first.getUrl().queryParameter("status"));
        assertEquals("1", first.getUrl().queryParameter("is_new_customer"));
        assertEquals(String.join(",", Order.DEFAULT_FIELDS), first.getUrl().queryParameter("fields"));
        assertNull(first.getUrl().queryParameter("since_id"));
        assertNull(first.getUrl().queryParameter("offset"));
        RecordedRequest second = take("GET", "/admin/orders");
        assertEquals("102", second.getUrl().queryParameter("since_id"));
        assertNull(second.getUrl().queryParameter("offset"));
        assertNull(second.getUrl().queryParameter("page"));

        assertEquals(3, all.size());
        Order o = all.get(0);
        assertEquals(OrderStatus.PENDING, o.status());
        assertEquals(new BigDecimal("58.00"), o.total());
        assertEquals(new BigDecimal("8.754800"), o.commission());
        assertEquals("12345", o.affiliateId());
        assertEquals(Instant.parse("2024-03-01T10:00:00Z"), o.createdAt());
        assertEquals(Boolean.TRUE, o.newCustomer());
        assertEquals(List.of("ANA10"), o.coupons());
        assertEquals(new BigDecimal("4.50"), o.lineItems().get(0).price());
        assertEquals(2L, o.lineItems().get(0).quantity());
        assertEquals("1002", all.get(1).number());
        assertEquals(Instant.ofEpochMilli(1_709_287_200_000L), all.get(1).createdAt());
        assertEquals(OrderStatus.REJECTED, all.get(2).status());
    }

    @Test
    void createPostsTheBasicShapeOnce() throws Exception {
        enqueue("{\"success\":true,\"id\":501}");
        WriteResult r = client.orders().create(OrderCreateParams.builder("1001", new BigDecimal("58.00"))
                .refCode("ANA").build());
        assertEquals("501", r.id().orElseThrow());
        assertEquals(json("{\"order\":{\"number\":\"1001\",\"total\":58.00},\"ref_code\":\"ANA\"}"),
                json(take("POST", "/admin/orders")));
    }

    @Test
    void createPostsTheExtendedShape() throws Exception {
        enqueue("{\"success\":true}");
        client.orders().create(OrderCreateParams.builder("1002", new BigDecimal("120.00")).affiliateId("12345")
                .storeOrderId("shop-77").subtotal(new BigDecimal("100.00")).discount(new BigDecimal("5"))
                .tax(new BigDecimal("15.00")).shipping(new BigDecimal("10")).currency("cad")
                .date(Instant.parse("2024-03-01T10:00:00Z"))
                .customer("client@example.com", "Lea", "Roy", true).coupons(List.of("ANA10"))
                .lineItem("Pain", 2, new BigDecimal("4.50"), "PAIN-1", "p-9").build());
        assertEquals(json("{\"order\":{\"number\":\"1002\",\"total\":120.00,\"id\":\"shop-77\",\"subtotal\":100.00,"
                + "\"discount\":5,\"tax\":15.00,\"shipping\":10,\"currency\":\"CAD\","
                + "\"date\":\"2024-03-01T10:00:00.000Z\",\"customer\":{\"email\":\"client@example.com\","
                + "\"first_name\":\"Lea\",\"last_name\":\"Roy\",\"is_new_customer\":true},\"coupons\":[\"ANA10\"],"
                + "\"line_items\":[{\"name\":\"Pain\",\"quantity\":2,\"price\":4.50,\"sku\":\"PAIN-1\","
                + "\"product_id\":\"p-9\"}]},\"affiliate_id\":\"12345\"}"), json(take("POST", "/admin/orders")));
    }

    @Test
    void createNeedsExactlyOneAttributionAndValidMoney() {
        ValidationException e = assertThrows(ValidationException.class, () -> OrderCreateParams.builder(" ",
                new BigDecimal("-1")).build());
        assertTrue(e.fieldErrors().keySet().containsAll(List.of("order.number", "order.total", "affiliate")),
                e.fieldErrors().toString());
        assertThrows(ValidationException.class, () -> OrderCreateParams.builder("1", BigDecimal.ONE)
                .affiliateId("1").refCode("A").build());
    }

    @Test
    void updateWritesPendingAndCommission() throws Exception {
        enqueue("{\"id\":101,\"commission\":\"9.00\"}");
        WriteResult r = client.orders().update("101", OrderUpdateParams.builder().status(OrderStatus.of("new"))
                .commission(new BigDecimal("9.00")).build());
        assertEquals("101", r.id().orElseThrow());
        assertEquals(json("{\"status\":\"pending\",\"commission\":9.00}"), json(take("PATCH", "/admin/orders/101")));
        assertThrows(ValidationException.class, () -> OrderUpdateParams.builder().status(OrderStatus.of("lost"))
                .build());
    }

    @Test
    void deleteAndRecalculateWhoseErrorFieldIsPartOfTheSuccessShape() throws Exception {
        enqueue("{\"success\":true,\"deleted\":1}");
        client.orders().delete("101");
        take("DELETE", "/admin/orders/101");

        enqueue("{\"commission\":\"0.00\",\"subtotal\":\"58.00\",\"error\":\"no affiliate attached\"}");
        OrderRecalculation rec = client.orders().recalculate("102");
        take("POST", "/admin/orders/recalculate/102");
        assertEquals(new BigDecimal("0.00"), rec.commission());
        assertEquals(new BigDecimal("58.00"), rec.subtotal());
        assertEquals("no affiliate attached", rec.error());
    }

    @Test
    void findByNumberIsTheDedupeLookup() throws Exception {
        enqueue("{\"orders\":[{\"id\":\"101\",\"number\":\"1001\"}]}");
        assertEquals("101", client.orders().findByNumber("1001").orElseThrow().id());
        RecordedRequest r = take("GET", "/admin/orders");
        assertEquals("1001", r.getUrl().queryParameter("number"));
        assertEquals("1", r.getUrl().queryParameter("limit"));
        assertTrue(r.getUrl().queryParameter("fields").startsWith("id,"));

        enqueue("{\"orders\":[]}");
        assertTrue(client.orders().findByNumber("9999").isEmpty());
    }
}
