package com.rabaislocal.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.http.RequestAuthenticator;
import com.rabaislocal.sdk.core.http.SdkRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.time.OffsetDateTime;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Runs each benchmark method once, so a broken benchmark fails the build instead of measuring nothing. */
class CoreOverheadBenchmarkTest {

    private final CoreOverheadBenchmark bench = new CoreOverheadBenchmark();

    @Test
    void sdkAndRawCallsBindTheSameOffersOverKeptAliveConnections() throws Exception {
        CoreOverheadBenchmark.Loopback s = new CoreOverheadBenchmark.Loopback();
        s.start();
        int port = s.server.port();
        try {
            Offer viaSdk = bench.sdkGet(s);
            Offer viaRaw = bench.rawGet(s);
            assertEquals(viaRaw, viaSdk);
            assertEquals(1, viaSdk.id());
            assertEquals("Café du Marché : 2 croissants pour 1", viaSdk.title());
            assertTrue(viaSdk.description().contains("Vieux-Québec — offre"), viaSdk.description());
            assertEquals(new BigDecimal("50.00"), viaSdk.discount());
            assertEquals(OffsetDateTime.parse("2025-06-01T07:00:00-04:00"), viaSdk.startsAt());
            assertEquals("Québec", viaSdk.city());

            assertEquals(CoreOverheadBenchmark.Loopback.DRAFT, bench.sdkPost(s));
            assertEquals(CoreOverheadBenchmark.Loopback.DRAFT, bench.rawPost(s));
            assertEquals(bench.sdkGet(s), bench.rawGet(s));

            assertEquals(6, s.server.requestCount());
            // One pooled connection per side: both reuse kept-alive connections, as in the measurement.
            assertEquals(1, s.transport.okHttp().connectionPool().connectionCount());
            assertEquals(1, s.raw.connectionPool().connectionCount());
        } finally {
            s.stop();
        }
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void aMissingKeyFailsOnBothSides() throws Exception {
        CoreOverheadBenchmark.Loopback s = new CoreOverheadBenchmark.Loopback();
        s.start();
        try {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> s.sdk
                    .withOptions(b -> b.authenticator(RequestAuthenticator.NONE))
                    .execute(SdkRequest.builder("GET", LoopbackOfferServer.OFFERS_PATH).query("id", "eq.1").build(),
                            Offer.class));
            assertEquals("PGRST301", e.error().code().orElse(null));
            assertTrue(e.getMessage().contains("No API key found in request"), e.getMessage());

            Request unauthenticated = new Request.Builder()
                    .url(s.rawBase.newBuilder().addPathSegments("rest/v1/offers").build()).build();
            IOException raw = assertThrows(IOException.class, () -> CoreOverheadBenchmark.rawCall(s.raw.newCall(unauthenticated), s));
            assertTrue(raw.getMessage().startsWith("HTTP 401"), raw.getMessage());
        } finally {
            s.stop();
        }
    }
}
