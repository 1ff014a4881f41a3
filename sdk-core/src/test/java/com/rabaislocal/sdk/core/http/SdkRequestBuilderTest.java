package com.rabaislocal.sdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a request's path, query and settings are taken in, and what {@code build()} rejects. */
class SdkRequestBuilderTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "/rest/v1/offers      | rest,v1,offers | /rest/v1/offers",
        "rest/v1/offers       | rest,v1,offers | /rest/v1/offers",
        "//rest//v1/offers/   | rest,v1,offers | /rest/v1/offers",
        "/rest/v1/offers/     | rest,v1,offers | /rest/v1/offers",
        "/functions/v1/hello  | functions,v1,hello | /functions/v1/hello",
        "/                    | ''             | /",
        "''                   | ''             | /",
        "NULL                 | ''             | /",
    })
    void splitsThePathIntoSegmentsAndRendersItNormalised(String path, String segments, String rendered) {
        SdkRequest r = SdkRequest.builder("get", path).build();
        assertEquals(segments.isEmpty() ? List.of() : List.of(segments.split(",")), r.pathSegments());
        assertEquals(rendered, r.path());
        assertEquals("GET " + rendered, r.describe());
    }

    @Test
    void aSegmentAppendedAfterThePathIsTakenLiterallyAndShowsInThePath() {
        SdkRequest r = SdkRequest.builder("GET", "/storage/v1/object").pathSegment("offers")
                .pathSegment("2025/06 café.png").build();
        assertEquals(List.of("storage", "v1", "object", "offers", "2025/06 café.png"), r.pathSegments());
        assertEquals("/storage/v1/object/offers/2025/06 café.png", r.path());
        HttpUrl url = ServiceClient.builder().service("supabase").baseUrl("https://abc.supabase.co/").build().url(r);
        assertEquals("/storage/v1/object/offers/2025%2F06%20caf%C3%A9.png", url.encodedPath());
    }

    @Test
    void toBuilderKeepsThePathAndFollowsLaterChanges() {
        SdkRequest r = SdkRequest.builder("POST", "/rest/v1/offers").query("select", "id").build();
        assertEquals("/rest/v1/offers", r.toBuilder().build().path());
        SdkRequest rpc = r.toBuilder().path("/rest/v1/rpc").pathSegment("expire_offers").build();
        assertEquals("/rest/v1/rpc/expire_offers", rpc.path());
        assertEquals("POST /rest/v1/rpc/expire_offers", rpc.describe());
        assertEquals("/rest/v1/offers/1", r.toBuilder().pathSegment("1").build().path());
    }

    @Test
    void keepsQueryParametersInOrderWithRepeatsAndBareNames() {
        SdkRequest r = SdkRequest.builder("GET", "/rest/v1/offers").query("city", "eq.Québec")
                .query("discount", "gte.10").query("discount", "lte.50").query("count", null).build();
        assertEquals(List.of(entry("city", "eq.Québec"), entry("discount", "gte.10"), entry("discount", "lte.50"),
                entry("count", null)), r.query());
        assertEquals(List.of("gte.10", "lte.50"), r.queryValues("discount"));
        assertThrows(UnsupportedOperationException.class, () -> r.query().add(entry("x", "y")));
        HttpUrl url = ServiceClient.builder().service("supabase").baseUrl("https://abc.supabase.co/").build().url(r);
        assertEquals("city=eq.Qu%C3%A9bec&discount=gte.10&discount=lte.50&count", url.encodedQuery());
        SdkRequest none = SdkRequest.builder("POST", "/rest/v1/offers").build();
        assertEquals(List.of(), none.query());
        assertThrows(UnsupportedOperationException.class, () -> none.query().add(entry("x", "y")));
    }

    @Test
    void buildListsEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> SdkRequest.builder("FETCH", "/x")
                .timeout(Duration.ZERO).deadline(Duration.ofSeconds(-1)).idempotencyKey(" ").build());
        assertEquals(List.of("method", "timeout", "deadline", "idempotencyKey"), List.copyOf(e.fieldErrors().keySet()));
        assertEquals(List.of("must be one of [DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT], was FETCH"),
                e.fieldErrors().get("method"));
        assertEquals(List.of("must be positive, was PT0S"), e.fieldErrors().get("timeout"));
        assertEquals(List.of("must be positive, was PT-1S"), e.fieldErrors().get("deadline"));
        assertEquals(List.of("must be non-blank and at most 255 characters"), e.fieldErrors().get("idempotencyKey"));

        ValidationException body = assertThrows(ValidationException.class,
                () -> SdkRequest.builder("GET", "/x").body("{}", "application/json").build());
        assertEquals(Map.of("body", List.of("GET requests carry no body")), body.fieldErrors());
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }
}
