package com.rabaislocal.sdk.goaffpro.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.orders.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LenientTest {

    private static JsonNode node(String json) throws Exception {
        return Lenient.treeReader().readTree(json);
    }

    @Test
    void moneyFromStringsAndNumbersIsExact() throws Exception {
        JsonNode n = node("{\"a\":\"8.754800\",\"b\":58.10,\"c\":12,\"d\":\"\",\"e\":null,\"f\":\"abc\",\"g\":[]}");
        assertEquals(new BigDecimal("8.754800"), Lenient.money(n, "a"));
        assertEquals(new BigDecimal("58.10"), Lenient.money(n, "b"));
        assertEquals(new BigDecimal("12"), Lenient.money(n, "c"));
        assertNull(Lenient.money(n, "d"));
        assertNull(Lenient.money(n, "e"));
        assertNull(Lenient.money(n, "missing"));
        assertThrows(Lenient.BadValue.class, () -> Lenient.money(n, "f"));
        assertThrows(Lenient.BadValue.class, () -> Lenient.money(n, "g"));
    }

    @Test
    void idsFromStringsAndNumbersAreStrings() throws Exception {
        JsonNode n = node("{\"a\":12345,\"b\":\"12345\",\"c\":12345.0,\"d\":1.5,\"e\":{},\"f\":99999999999999999999}");
        assertEquals("12345", Lenient.id(n, "a"));
        assertEquals("12345", Lenient.id(n, "b"));
        assertEquals("12345", Lenient.id(n, "c"));
        assertEquals("99999999999999999999", Lenient.id(n, "f"));
        assertThrows(Lenient.BadValue.class, () -> Lenient.id(n, "d"));
        assertThrows(Lenient.BadValue.class, () -> Lenient.id(n, "e"));
    }

    @Test
    void datesInEveryFormSeen() {
        Instant t = Instant.parse("2019-07-26T06:40:07Z");
        assertEquals(t, Lenient.parseDate("Sun Jul 26 2019 12:10:07 GMT+0530 (India Standard Time)"));
        assertEquals(t, Lenient.parseDate("Sun Jul 26 2019 12:10:07 GMT+0530"));
        assertEquals(t, Lenient.parseDate("Fri, 26 Jul 2019 06:40:07 GMT"));
        assertEquals(t, Lenient.parseDate("2019-07-26T06:40:07.000Z"));
        assertEquals(t, Lenient.parseDate("2019-07-26T12:10:07+05:30"));
        assertEquals(t, Lenient.parseDate("2019-07-26 06:40:07"));
        assertEquals(t, Lenient.parseDate("2019-07-26T06:40:07"));
        assertEquals(t, Lenient.parseDate("1564123207"));
        assertEquals(t, Lenient.parseDate("1564123207000"));
        assertEquals(Instant.parse("2019-07-26T00:00:00Z"), Lenient.parseDate("2019-07-26"));
        assertNull(Lenient.parseDate("yesterday"));
        assertNull(Lenient.parseDate("Sun Foo 26 2019 12:10:07 GMT+0530"));
    }

    @Test
    void dateFieldsFromNumbersTextAndZeroDates() throws Exception {
        JsonNode n = node("{\"s\":1564123207,\"ms\":1564123207000,\"z\":\"0000-00-00 00:00:00\",\"bad\":\"soon\","
                + "\"obj\":{}}");
        assertEquals(Instant.parse("2019-07-26T06:40:07Z"), Lenient.instant(n, "s"));
        assertEquals(Instant.parse("2019-07-26T06:40:07Z"), Lenient.instant(n, "ms"));
        assertNull(Lenient.instant(n, "z"));
        assertThrows(Lenient.BadValue.class, () -> Lenient.instant(n, "bad"));
        assertThrows(Lenient.BadValue.class, () -> Lenient.instant(n, "obj"));
    }

    @Test
    void datesSentAreIsoUtcWithMilliseconds() {
        assertEquals("2024-01-01T00:00:00.000Z", Lenient.iso(Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals("2024-01-01T05:30:00.120Z", Lenient.iso(Instant.parse("2024-01-01T11:00:00.12+05:30")));
    }

    @Test
    void flagsTextsAndIntegers() throws Exception {
        JsonNode n = node("{\"a\":1,\"b\":\"0\",\"c\":true,\"d\":\"maybe\",\"l\":[\"x\",null,2],\"s\":\"one\","
                + "\"i\":\"42\",\"j\":4.2}");
        assertTrue(Lenient.flag(n, "a"));
        assertFalse(Lenient.flag(n, "b"));
        assertTrue(Lenient.flag(n, "c"));
        assertThrows(Lenient.BadValue.class, () -> Lenient.flag(n, "d"));
        assertEquals(List.of("x", "2"), Lenient.texts(n, "l"));
        assertEquals(List.of("one"), Lenient.texts(n, "s"));
        assertEquals(42L, Lenient.integer(n, "i"));
        assertThrows(Lenient.BadValue.class, () -> Lenient.integer(n, "j"));
    }

    @Test
    void openStatusesKeepUnknownValuesAndMapTheReadAndWriteWords() {
        assertEquals(OrderStatus.PENDING, OrderStatus.of("new"));
        assertEquals(OrderStatus.PENDING, OrderStatus.of("Pending"));
        assertEquals("pending", OrderStatus.of("new").value());
        OrderStatus odd = OrderStatus.of("on_hold");
        assertFalse(odd.isKnown());
        assertEquals("on_hold", odd.value());
        assertEquals(odd, OrderStatus.of("ON_HOLD"));
        assertTrue(OrderStatus.APPROVED.isKnown());
        assertNull(OrderStatus.of(" "));
    }
}
