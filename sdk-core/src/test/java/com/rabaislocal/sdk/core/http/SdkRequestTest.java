package com.rabaislocal.sdk.core.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request value: validation, which calls are safe to repeat, immutable bodies, and query and path values that
 * reach the server exactly as given, however awkward their characters.
 */
class SdkRequestTest {

    @ParameterizedTest(name = "{0} is repeatable by default: {1}")
    @CsvSource({"GET, true", "HEAD, true", "OPTIONS, true", "PUT, true", "DELETE, true", "POST, false",
        "PATCH, false"})
    void repeatableFollowsTheMethod(String method, boolean repeatable) {
        assertEquals(repeatable, SdkRequest.builder(method, "/x").build().repeatable());
    }

    @Test
    void aKeyMakesAWriteRepeatableAndADeclarationWins() {
        assertTrue(SdkRequest.builder("POST", "/x").idempotencyKey("k").build().repeatable());
        assertTrue(SdkRequest.builder("PATCH", "/x").repeatable(true).build().repeatable());
        assertFalse(SdkRequest.builder("PUT", "/x").repeatable(false).build().repeatable());
        assertFalse(SdkRequest.builder("DELETE", "/x").repeatable(false).build().repeatable());
        assertFalse(SdkRequest.builder("POST", "/x").idempotencyKey("k").repeatable(false).build().repeatable(),
                "an explicit declaration wins over the key");
    }

    @Test
    void methodIsUpperCased() {
        assertEquals("PATCH", SdkRequest.builder("patch", "/x").build().method());
    }

    @Test
    void buildListsEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> SdkRequest.builder("FETCH", "/x")
                .timeout(Duration.ZERO).deadline(Duration.ofSeconds(-1)).idempotencyKey(" ").build());

        assertEquals(Set.of("method", "timeout", "deadline", "idempotencyKey"), e.fieldErrors().keySet());
        assertTrue(e.getMessage().startsWith("Invalid request: method: must be one of"), e.getMessage());
        assertTrue(e.getMessage().contains("was FETCH"), e.getMessage());
    }

    @Test
    void getAndHeadCarryNoBody() {
        for (String m : List.of("GET", "HEAD")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> SdkRequest.builder(m, "/x").body("q", "text/plain").build());
            assertEquals(List.of(m + " requests carry no body"), e.fieldErrors().get("body"));
        }
    }

    @Test
    void anOverlongKeyIsRejected() {
        assertThrows(ValidationException.class,
                () -> SdkRequest.builder("POST", "/x").idempotencyKey("k".repeat(256)).build());
        assertEquals(Optional.of("k".repeat(255)),
                SdkRequest.builder("POST", "/x").idempotencyKey("k".repeat(255)).build().idempotencyKey());
    }

    @Test
    void aBodyThatCannotBeJsonIsRejectedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SdkRequest.builder("POST", "/x").jsonBody(new Unwritable()));

        assertEquals(Set.of("body"), e.fieldErrors().keySet());
        assertTrue(e.getMessage().contains("cannot be written as JSON"), e.getMessage());
    }

    @Test
    void aContentTypeThatIsNotAMediaTypeIsRejected() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SdkRequest.builder("POST", "/x").body("a", "csv please"));

        assertEquals(Set.of("contentType"), e.fieldErrors().keySet());
        assertTrue(e.getMessage().contains("\"csv please\""), e.getMessage());
        assertThrows(ValidationException.class, () -> SdkRequest.builder("POST", "/x").body(new byte[0], null));
    }

    @Test
    void theJsonBodyIsSerialisedOnceAndCannotChange() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("slug", "pizza");
        row.put("price_cents", 1299);
        SdkRequest r = SdkRequest.builder("POST", "/offers").jsonBody(row).build();

        row.put("slug", "changed");
        byte[] copy = r.body().orElseThrow();
        copy[0] = 'X';

        assertEquals("{\"slug\":\"pizza\",\"price_cents\":1299}",
                new String(r.body().orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(Optional.of(SdkRequest.JSON), r.contentType());
    }

    @Test
    void aRawBodyIsCopied() {
        byte[] bytes = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        SdkRequest r = SdkRequest.builder("PUT", "/upload").body(bytes, "text/csv").build();
        bytes[0] = 'z';

        assertArrayEquals("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), r.body().orElseThrow());
        assertEquals("text/csv", r.contentType().orElseThrow().toString());
    }

    @Test
    void toBuilderKeepsEverything() {
        SdkRequest r = SdkRequest.builder("POST", "/a/b").query("x", "1").query("x", "2").header("Prefer", "return=minimal")
                .jsonBody(List.of(1)).timeout(Duration.ofSeconds(3)).deadline(Duration.ofSeconds(9))
                .idempotencyKey("k-9").build();

        SdkRequest copy = r.toBuilder().build();

        assertEquals(r.describe(), copy.describe());
        assertEquals(List.of("1", "2"), copy.queryValues("x"));
        assertEquals("return=minimal", copy.headers().get("Prefer"));
        assertArrayEquals(r.body().orElseThrow(), copy.body().orElseThrow());
        assertEquals(Optional.of(Duration.ofSeconds(3)), copy.timeout());
        assertEquals(Optional.of(Duration.ofSeconds(9)), copy.deadline());
        assertEquals(Optional.of("k-9"), copy.idempotencyKey());
        assertTrue(copy.repeatable());
        assertEquals(Optional.empty(), SdkRequest.builder("GET", "/").build().timeout());
    }

    @Test
    void pathsSplitOnSlashesButSegmentsAreLiteral() {
        SdkRequest r = SdkRequest.builder("GET", "//rest/v1//offers/").pathSegment("a/b c").build();

        assertEquals(List.of("rest", "v1", "offers", "a/b c"), r.pathSegments());
        assertEquals("GET /rest/v1/offers/a/b c", r.describe());
        assertEquals("/", SdkRequest.builder("GET", "").build().path());
    }

    @Test
    void toStringShowsNoValues() {
        SdkRequest r = SdkRequest.builder("POST", "/token").query("grant_type", "password")
                .header("X-Custom", "visible-nowhere").body("{\"password\":\"hunter2\"}", "application/json").build();

        assertEquals("SdkRequest{POST /token, query=1 params, body=22 bytes}", r.toString());
    }

    @Test
    void queryAndPathValuesRoundTripExactlyAtTheWire() throws IOException, InterruptedException {
        List<String> values = List.of(
                ",()\".\\ & = # %",
                "in.(\"Montréal, QC\",Laval)",
                "a+b c%20d",
                "Café crème — 50 % off 🍕 日本語",
                "?&=;/:@[]{}|^`'!$*~",
                "",
                "%E2%96%88 stays literal");
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse());
            server.start();
            SdkHttpClient transport = SdkHttpClient.builder().build();
            ServiceClient client = ServiceClient.builder().service("acme").baseUrl(server.url("/rest/v1/"))
                    .transport(transport).build();
            SdkRequest.Builder b = SdkRequest.builder("GET", "/offers").pathSegment("Crêpes & Co/Montréal #1");
            for (String v : values) {
                b.query("v", v);
            }
            b.query("odd name ,()=&#", "x").query("flag", null);

            client.execute(b.build());
            transport.close();

            RecordedRequest seen = server.takeRequest(1, TimeUnit.SECONDS);
            HttpUrl url = seen.getRequestUrl();
            assertEquals(values, url.queryParameterValues("v"), "decoded by the server exactly as given");
            assertEquals("x", url.queryParameter("odd name ,()=&#"));
            assertTrue(url.queryParameterNames().contains("flag"));
            assertNull(url.queryParameter("flag"), "a null value is a bare name");
            assertEquals(List.of("rest", "v1", "offers", "Crêpes & Co/Montréal #1"), url.pathSegments());
            List<String> names = new ArrayList<>();
            for (int i = 0; i < url.querySize(); i++) {
                names.add(url.queryParameterName(i));
            }
            assertEquals(List.of("v", "v", "v", "v", "v", "v", "v", "odd name ,()=&#", "flag"), names,
                    "order and repetition are kept");
        }
    }

    @Test
    void queryValuesAreKeptInOrderAndDecoded() {
        SdkRequest r = SdkRequest.builder("GET", "/offers").query("order", "created_at.desc")
                .query("id", "gt.10").query("id", "lt.20").build();

        assertEquals(List.of("gt.10", "lt.20"), r.queryValues("id"));
        assertEquals(List.of(), r.queryValues("missing"));
        assertEquals(3, r.query().size());
        assertThrows(UnsupportedOperationException.class, () -> r.query().clear(), "the request is immutable");
    }

    /** A value Jackson cannot write. */
    static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("not serialisable");
        }
    }
}
