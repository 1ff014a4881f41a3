package com.rabaislocal.sdk.supabase.postgrest;

import static com.rabaislocal.sdk.supabase.testing.MockSupabase.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Modifiers, writes, rpc and schemas, checked at the wire: method, path, query, headers, body. */
class QueryBuilderWireTest {

    record NewOffer(String title, int price) { }

    private final MockSupabase mock = new MockSupabase();
    private final SupabaseClient supabase = mock.client();

    @AfterEach
    void close() {
        mock.close();
    }

    private RecordedRequest last() {
        return mock.take();
    }

    @Test
    void selectWithEmbeddedResourcesOrderLimitAndRange() {
        mock.json(200, "[]");
        supabase.from("offers").select(" id, title,\n merchant:merchants!inner( name ), ...city(name) ")
                .eq("merchants.active", true)
                .order("created_at", Order.desc().nullsLast()).order("id")
                .order("name", Order.asc().nullsFirst().referencedTable("merchants"))
                .limit(3, "merchants").range(20, 29).execute();
        RecordedRequest r = last();
        assertEquals("GET", r.getMethod());
        assertEquals(List.of("select=id,title,merchant:merchants!inner(name),...city(name)",
                "merchants.active=eq.true", "order=created_at.desc.nullslast,id.asc",
                "merchants.order=name.asc.nullsfirst", "merchants.limit=3", "offset=20", "limit=10"), params(r));
        assertNull(r.getHeader("Prefer"));
        assertNull(r.getHeader("Accept-Profile"));
        assertEquals(0, r.getBodySize());
    }

    @Test
    void limitRangeOnReferencedTablesAndValidation() {
        mock.json(200, "[]");
        supabase.from("merchants").select("id,offers(id)").range(0, 4, "offers").limit(2).execute();
        assertEquals(List.of("select=id,offers(id)", "offers.offset=0", "offers.limit=5", "limit=2"), params(last()));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().range(5, 4));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().limit(-1));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select(" "));
    }

    @Test
    void countsAndHeadRequests() {
        mock.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200)
                .setHeader("Content-Range", "0-24/1234"));
        PostgrestResult<?> res = supabase.from("offers").select().count(Count.EXACT).head().execute();
        RecordedRequest r = last();
        assertEquals("HEAD", r.getMethod());
        assertEquals("count=exact", r.getHeader("Prefer"));
        assertEquals(1234, res.count().getAsLong());
        assertTrue(res.rows().isEmpty());

        mock.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200)
                .setHeader("Content-Range", "*/77"));
        assertEquals(77, supabase.from("offers").select().eq("city", "Laval").countRows(Count.PLANNED));
        r = last();
        assertEquals("HEAD", r.getMethod());
        assertEquals("count=planned", r.getHeader("Prefer"));
        assertEquals(List.of("select=*", "city=eq.Laval"), params(r));

        mock.json(206, "[{\"id\":1}]");
        mock.server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200)
                .setHeader("Content-Range", "0-0/*").setBody("[{\"id\":1}]"));
        PostgrestResult<?> est = supabase.from("offers").select().count(Count.ESTIMATED).execute();
        assertEquals("count=estimated", last().getHeader("Prefer"));
        assertTrue(est.count().isEmpty(), "206 without Content-Range carries no total");
        assertTrue(supabase.from("offers").select().execute().count().isEmpty());
        last();
    }

    @Test
    void insertOneRowSendsJsonAndNoColumns() {
        mock.json(201, "");
        supabase.from("offers").insert(new NewOffer("Pizza 2 for 1", 1999)).execute();
        RecordedRequest r = last();
        assertEquals("POST", r.getMethod());
        assertEquals("/rest/v1/offers", r.getRequestUrl().encodedPath());
        assertEquals(List.of(), params(r));
        assertEquals("{\"title\":\"Pizza 2 for 1\",\"price\":1999}", r.getBody().readUtf8());
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        assertNull(r.getHeader("Prefer"), "return=minimal is PostgREST's default");
    }

    @Test
    void insertManyRowsSendsTheUnionOfKeysAsColumns() {
        mock.json(201, "[{\"id\":1},{\"id\":2}]");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("title", "B");
        second.put("city", "Laval");
        second.put("odd \"col\"", 1);
        List<NewOffer> got = supabase.from("offers").insert(List.of(Map.of("title", "A"), second))
                .select("id").defaultToNull(false).list(NewOffer.class);
        RecordedRequest r = last();
        assertEquals(List.of("select=id", "columns=\"title\",\"city\",\"odd \\\"col\\\"\""), params(r));
        assertEquals("return=representation,missing=default", r.getHeader("Prefer"));
        assertEquals("[{\"title\":\"A\"},{\"title\":\"B\",\"city\":\"Laval\",\"odd \\\"col\\\"\":1}]",
                r.getBody().readUtf8());
        assertEquals(2, got.size());
        assertThrows(ValidationException.class, () -> supabase.from("offers").insert("not a row"));
        assertThrows(ValidationException.class, () -> supabase.from("offers").insert(List.of(1, 2)));
    }

    @Test
    void upsertWithOnConflictIgnoreDuplicatesAndCount() {
        mock.json(201, "");
        supabase.from("merchants").upsert(List.of(Map.of("slug", "chez-ali", "name", "Chez Ali")))
                .onConflict("slug", "region id").ignoreDuplicates().count(Count.EXACT)
                .returning(Returning.MINIMAL).execute();
        RecordedRequest r = last();
        assertEquals("POST", r.getMethod());
        assertEquals("return=minimal,count=exact,resolution=ignore-duplicates", r.getHeader("Prefer"));
        Map<String, String> p = MockSupabase.paramMap(r);
        assertEquals("slug,\"region id\"", p.get("on_conflict"));
        assertTrue(p.get("columns").contains("\"slug\""));

        mock.json(201, "[]");
        supabase.from("merchants").upsert(Map.of("id", 3, "name", "X")).execute();
        assertEquals("resolution=merge-duplicates", last().getHeader("Prefer"));
        assertThrows(ValidationException.class, () -> supabase.from("merchants").upsert(Map.of()).onConflict());
    }

    @Test
    void updateAndDeleteCarryFiltersAndReturning() {
        mock.json(200, "[{\"title\":\"B\",\"price\":5}]");
        List<NewOffer> updated = supabase.from("offers").update(Map.of("price", 5)).eq("id", 42)
                .in("status", List.of("draft", "live")).list(NewOffer.class);
        RecordedRequest r = last();
        assertEquals("PATCH", r.getMethod());
        assertEquals(List.of("id=eq.42", "status=in.(draft,live)"), params(r));
        assertEquals("return=representation", r.getHeader("Prefer"));
        assertEquals("{\"price\":5}", r.getBody().readUtf8());
        assertEquals(5, updated.get(0).price());

        mock.json(204, "");
        supabase.from("offers").delete().eq("id", 42).returning(Returning.HEADERS_ONLY).execute();
        r = last();
        assertEquals("DELETE", r.getMethod());
        assertEquals(List.of("id=eq.42"), params(r));
        assertEquals("return=headers-only", r.getHeader("Prefer"));
        assertEquals(0, r.getBodySize());
    }

    @Test
    void updateOrDeleteWithoutAFilterIsRefusedBeforeSending() {
        ValidationException u = assertThrows(ValidationException.class,
                () -> supabase.from("offers").update(Map.of("price", 0)).execute());
        assertTrue(u.getMessage().contains("update on table offers"), u.getMessage());
        assertTrue(u.getMessage().contains("every row"), u.getMessage());
        assertThrows(ValidationException.class, () -> supabase.from("offers").delete().execute());
        assertThrows(ValidationException.class, () -> supabase.from("offers").delete()
                .eq("merchants.id", 1).execute(), "a filter on an embedded resource does not restrict the table");
        assertThrows(ValidationException.class, () -> supabase.from("offers").delete().limit(1).execute());
        assertEquals(0, mock.requestCount());
        mock.json(204, "");
        supabase.from("offers").delete().or(c -> c.eq("id", 1).eq("id", 2)).execute();
        assertEquals(List.of("or=(id.eq.1,id.eq.2)"), params(last()));
    }

    @Test
    void maxAffectedRollbackAndStripNulls() {
        mock.json(204, "");
        supabase.from("offers").update(Map.of("price", 1)).eq("merchant_id", 7).maxAffected(5).rollback()
                .execute();
        assertEquals("handling=strict,max-affected=5,tx=rollback", last().getHeader("Prefer"));
        mock.json(200, "[]");
        supabase.from("offers").select().stripNulls().execute();
        assertEquals("application/vnd.pgrst.array+json;nulls=stripped", last().getHeader("Accept"));
        mock.json(200, "{\"title\":\"x\",\"price\":1}");
        supabase.from("offers").select().eq("id", 1).stripNulls().single(NewOffer.class);
        assertEquals("application/vnd.pgrst.object+json;nulls=stripped", last().getHeader("Accept"));
    }

    @Test
    void rpcPostGetAndHead() throws Exception {
        mock.json(200, "12");
        Integer n = supabase.rpc("count_offers", Map.of("city", "Laval", "ids", List.of(1, 2))).value(Integer.class);
        RecordedRequest r = last();
        assertEquals(12, n);
        assertEquals("POST", r.getMethod());
        assertEquals("/rest/v1/rpc/count_offers", r.getRequestUrl().encodedPath());
        assertEquals(com.rabaislocal.sdk.core.json.SdkJson.mapper().readTree("{\"city\":\"Laval\",\"ids\":[1,2]}"),
                com.rabaislocal.sdk.core.json.SdkJson.mapper().readTree(r.getBody().readUtf8()));

        mock.json(200, "[{\"title\":\"a\",\"price\":1}]");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("q", "pizza, chère");
        args.put("ids", List.of(1, 2, 3));
        args.put("tags", List.of("a b", "c"));
        args.put("filters", Map.of("k", 1));
        args.put("unset", null);
        supabase.rpc("search_offers", args).get().gt("price", 0).order("price").limit(5).list(NewOffer.class);
        r = last();
        assertEquals("GET", r.getMethod());
        assertEquals(List.of("q=pizza, chère", "ids={1,2,3}", "tags={\"a b\",c}", "filters={\"k\":1}",
                "price=gt.0", "order=price.asc", "limit=5"), params(r));
        assertEquals(0, r.getBodySize());

        mock.enqueue(new okhttp3.mockwebserver.MockResponse().setHeader("Content-Range", "*/9"));
        assertEquals(9, supabase.rpc("search_offers").head().count(Count.EXACT).execute().count().getAsLong());
        assertEquals("HEAD", last().getMethod());

        mock.json(200, "null");
        supabase.rpc("refresh_stats").execute();
        r = last();
        assertEquals("{}", r.getBody().readUtf8());
        assertThrows(ValidationException.class, () -> supabase.rpc("f", List.of(1)));
    }

    @Test
    void otherSchemasUseProfileHeaders() {
        mock.json(200, "[]");
        supabase.schema("audit").from("record_version").select().execute();
        RecordedRequest r = last();
        assertEquals("audit", r.getHeader("Accept-Profile"));
        assertNull(r.getHeader("Content-Profile"));
        mock.json(201, "");
        supabase.schema("audit").from("record_version").insert(Map.of("op", "x")).execute();
        r = last();
        assertEquals("audit", r.getHeader("Content-Profile"));
        assertNull(r.getHeader("Accept-Profile"));
        mock.json(200, "1");
        supabase.schema("api").rpc("f").value(Integer.class);
        assertEquals("api", last().getHeader("Content-Profile"));
        try (SupabaseClient c = mock.builder(MockSupabase.ANON_JWT).schema("app").build()) {
            mock.json(200, "[]");
            c.from("t").select().execute();
            assertEquals("app", last().getHeader("Accept-Profile"));
        }
    }

    @Test
    void tableAndFunctionNamesArePathSegments() {
        mock.json(200, "[]");
        supabase.from("weird/name ü").select().execute();
        assertEquals("/rest/v1/weird%2Fname%20%C3%BC", last().getRequestUrl().encodedPath());
    }

    @Test
    void aTooLongUrlIsRefusedWithTheRpcHint() {
        List<Integer> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(1_000_000 + i);
        }
        ValidationException e = assertThrows(ValidationException.class,
                () -> supabase.from("offers").select().in("id", ids).execute());
        assertTrue(e.getMessage().contains("8000"), e.getMessage());
        assertTrue(e.getMessage().contains("rpc"), e.getMessage());
        assertEquals(0, mock.requestCount());
        mock.json(200, "[]");
        supabase.postgrest().withMaxUrlLength(100_000).from("offers").select().in("id", ids).execute();
        assertEquals(2000, last().getRequestUrl().queryParameter("id").split(",").length);
    }

    @Test
    void perQueryTimeoutIsAccepted() {
        mock.json(200, "[]");
        supabase.from("offers").select().timeout(Duration.ofSeconds(3)).execute();
        assertEquals("GET", last().getMethod());
    }
}
