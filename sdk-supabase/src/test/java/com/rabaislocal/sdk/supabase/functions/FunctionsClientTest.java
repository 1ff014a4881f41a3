package com.rabaislocal.sdk.supabase.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkResponse;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FunctionsClientTest {

    record Quote(String offerId, int cents) { }

    private final MockSupabase mock = new MockSupabase();
    private final SupabaseClient supabase = mock.builder(MockSupabase.PUBLISHABLE).build();

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void invokePostsJsonAndBindsTheAnswer() {
        mock.json(200, "{\"offerId\":\"o-1\",\"cents\":1999}");
        Quote q = supabase.withAccessToken(MockSupabase.USER_JWT).functions()
                .invoke("price-quote", Map.of("offerId", "o-1"), Quote.class);
        assertEquals(new Quote("o-1", 1999), q);
        RecordedRequest r = mock.take();
        assertEquals("POST", r.getMethod());
        assertEquals("/functions/v1/price-quote", r.getRequestUrl().encodedPath());
        assertEquals("{\"offerId\":\"o-1\"}", r.getBody().readUtf8());
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        assertEquals("Bearer " + MockSupabase.USER_JWT, r.getHeader("Authorization"));
        assertEquals(MockSupabase.PUBLISHABLE, r.getHeader("apikey"));
    }

    @Test
    void aNewStyleKeyIsNotABearerButALegacyJwtKeyIs() {
        mock.json(200, "{}");
        supabase.functions().invoke("hello", null, Map.class);
        assertNull(mock.take().getHeader("Authorization"));
        mock.json(200, "{}");
        mock.client().functions().invoke("hello", null, Map.class);
        assertEquals("Bearer " + MockSupabase.ANON_JWT, mock.take().getHeader("Authorization"));
    }

    @Test
    void textBytesAndGenericAnswers() {
        mock.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody("bonjour"));
        assertEquals("bonjour", supabase.functions().invoke("greet", "Zoé", String.class));
        RecordedRequest r = mock.take();
        assertEquals("Zoé", r.getBody().readUtf8());
        assertEquals("text/plain; charset=utf-8", r.getHeader("Content-Type"));

        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        mock.enqueue(new MockResponse().setBody(new okio.Buffer().write(png)));
        assertArrayEquals(png, supabase.functions().invoke("thumb", png, byte[].class));
        assertEquals("application/octet-stream", mock.take().getHeader("Content-Type"));

        mock.json(200, "[{\"offerId\":\"a\",\"cents\":1}]");
        List<Quote> quotes = supabase.functions().invoke("quotes", Map.of(), new TypeReference<List<Quote>>() { });
        assertEquals(1, quotes.size());
        mock.take();
    }

    @Test
    void optionsSetMethodHeadersQueryAndRegion() {
        mock.json(200, "{\"ok\":true}");
        SdkResponse res = supabase.functions().invoke("report/daily", FunctionInvokeParams.builder().method("get")
                .header("X-Trace", "t-1").query("day", "2026-03-01").region("ca-central-1").build());
        assertEquals(200, res.status());
        RecordedRequest r = mock.take();
        assertEquals("GET", r.getMethod());
        assertEquals("/functions/v1/report/daily", r.getRequestUrl().encodedPath());
        assertEquals("t-1", r.getHeader("X-Trace"));
        assertEquals("ca-central-1", r.getHeader("x-region"));
        assertEquals("2026-03-01", r.getRequestUrl().queryParameter("day"));
        assertEquals("ca-central-1", r.getRequestUrl().queryParameter("forceFunctionRegion"));

        mock.json(200, "{}");
        supabase.functions().invoke("csv-import", FunctionInvokeParams.builder().body("a,b\n1,2")
                .header("Content-Type", "text/csv").build());
        RecordedRequest csv = mock.take();
        assertEquals("text/csv", csv.getHeader("Content-Type"));
        assertEquals("a,b\n1,2", csv.getBody().readString(StandardCharsets.UTF_8));

        assertThrows(ValidationException.class, () -> FunctionInvokeParams.builder().method("TRACE").build());
        assertThrows(ValidationException.class, () -> FunctionInvokeParams.builder().method("GET").body("x")
                .build());
        assertThrows(ValidationException.class, () -> supabase.functions().invoke(" ", null, String.class));
    }

    @Test
    void aRelayErrorIsToldApartFromTheFunctionsOwnError() {
        mock.enqueue(new MockResponse().setResponseCode(404).setHeader("x-relay-error", "true")
                .setHeader("Content-Type", "application/json")
                .setBody("{\"code\":\"NOT_FOUND\",\"message\":\"Requested function was not found\"}"));
        FunctionRelayException relay = assertThrows(FunctionRelayException.class,
                () -> supabase.functions().invoke("missing", null, String.class));
        assertEquals(404, relay.httpStatus());
        assertEquals("NOT_FOUND", relay.code().orElseThrow());
        assertTrue(relay.getMessage().contains("/functions/v1/missing"), relay.getMessage());

        mock.json(400, "{\"error\":\"offerId is required\",\"code\":\"missing_offer\"}");
        ApiException own = assertThrows(ApiException.class,
                () -> supabase.functions().invoke("price-quote", Map.of(), Quote.class));
        assertInstanceOf(InvalidRequestException.class, own);
        assertFalse(own instanceof FunctionRelayException);
        assertEquals("offerId is required", own.serviceMessage());
        assertEquals("missing_offer", own.code().orElseThrow());
    }

    @Test
    void postsAreSentOnceUnlessDeclaredRepeatable() {
        mock.enqueue(new MockResponse().setResponseCode(503).setHeader("x-relay-error", "true")
                .setBody("{\"message\":\"BOOT_ERROR\"}"));
        assertThrows(FunctionRelayException.class, () -> supabase.functions().invoke("f", Map.of(), Map.class));
        assertEquals(1, mock.requestCount());

        mock.json(503, "{\"message\":\"busy\"}");
        mock.json(200, "{\"ok\":true}");
        supabase.functions().invoke("f", FunctionInvokeParams.builder().body(Map.of("k", 1)).repeatable(true)
                .build());
        assertEquals(3, mock.requestCount());

        mock.json(503, "{\"message\":\"busy\"}");
        mock.json(200, "{}");
        supabase.functions().invoke("f", FunctionInvokeParams.builder().method("GET").build());
        assertEquals(5, mock.requestCount());

        mock.json(500, "{\"message\":\"crash\"}");
        assertThrows(ServerException.class, () -> supabase.functions().invoke("f", FunctionInvokeParams.builder()
                .method("GET").build()));
    }
}
