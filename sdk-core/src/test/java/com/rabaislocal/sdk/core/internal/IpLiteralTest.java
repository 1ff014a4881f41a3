package com.rabaislocal.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.9", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::1", "::",
        "::ffff:203.0.113.9", "fe80::1ff:fe23:4567:890a"})
    void acceptsAddressLiterals(String ip) {
        assertTrue(IpLiteral.isValid(ip), ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "256.0.0.1", "1.2.3", "localhost", "rabaislocal.com", "2001:db8::g", "1::2::3",
        "203.0.113.9 ", "::ffff:999.0.113.9"})
    void refusesEverythingElse(String text) {
        assertFalse(IpLiteral.isValid(text), text);
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertFalse(IpLiteral.isValid(null));
    }
}
