package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientIpResolverTest {

    private static String resolve(ClientIpResolver r, String peer, Map<String, List<String>> headers) {
        return r.resolve(peer, name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst().map(Map.Entry::getValue).orElse(List.of()));
    }

    private final ClientIpResolver behindProxy = ClientIpResolver.trustingProxies(List.of("10.0.0.0/8", "::1"));

    @Test
    void aForgedHeaderFromAnUntrustedPeerIsIgnored() {
        assertEquals("203.0.113.9", resolve(ClientIpResolver.direct(), "203.0.113.9",
                Map.of("X-Forwarded-For", List.of("1.2.3.4"))));
        assertEquals("203.0.113.9", resolve(behindProxy, "203.0.113.9",
                Map.of("X-Forwarded-For", List.of("1.2.3.4"), "Forwarded", List.of("for=1.2.3.4"))));
    }

    @Test
    void theRightmostUntrustedHopIsTheClient() {
        // The client forged "1.2.3.4" at the left; the proxies appended the real hops.
        assertEquals("198.51.100.7", resolve(behindProxy, "10.0.0.2",
                Map.of("X-Forwarded-For", List.of("1.2.3.4, 198.51.100.7", "10.1.1.1"))));
        assertEquals("2001:db8:0:0:0:0:0:1", resolve(behindProxy, "0:0:0:0:0:0:0:1",
                Map.of("Forwarded", List.of("for=1.2.3.4, for=\"[2001:db8::1]:4711\";proto=https"),
                        "X-Forwarded-For", List.of("5.6.7.8"))));
        assertEquals("192.0.2.60", resolve(behindProxy, "10.0.0.2",
                Map.of("Forwarded", List.of("For=\"192.0.2.60:8080\""))));
    }

    @Test
    void anUnreadableHopFallsBackToTheNearestTrustedProxy() {
        assertEquals("10.9.9.9", resolve(behindProxy, "10.0.0.2",
                Map.of("X-Forwarded-For", List.of("garbage, 10.9.9.9"))));
        assertEquals("10.0.0.2", resolve(behindProxy, "10.0.0.2", Map.of("Forwarded", List.of("for=_hidden"))));
        assertEquals("10.0.0.2", resolve(behindProxy, "10.0.0.2", Map.of()));
        assertEquals("10.0.0.3", resolve(behindProxy, "10.0.0.2", Map.of("X-Forwarded-For", List.of("10.0.0.3"))));
    }

    @Test
    void badProxyEntriesAreAllReported() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ClientIpResolver.trustingProxies(List.of("10.0.0.0/33", "proxy.example", "::1/129")));
        assertEquals(3, e.fieldErrors().get("trustedProxies").size());
        assertTrue(e.getMessage().contains("proxy.example"));
    }
}
