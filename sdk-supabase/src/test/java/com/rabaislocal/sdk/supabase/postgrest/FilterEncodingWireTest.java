package com.rabaislocal.sdk.supabase.postgrest;

import static com.rabaislocal.sdk.supabase.testing.MockSupabase.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every filter method, checked at the wire: method, path and the decoded query parameters PostgREST parses. */
class FilterEncodingWireTest {

    private final MockSupabase mock = new MockSupabase();
    private final SupabaseClient supabase = mock.client();

    @AfterEach
    void close() {
        mock.close();
    }

    /** Runs a select on "offers" with the given filters and returns the parameters after {@code select=*}. */
    private List<String> filters(Consumer<SelectQuery> f) {
        mock.json(200, "[]");
        SelectQuery q = supabase.from("offers").select();
        f.accept(q);
        q.execute();
        RecordedRequest r = mock.take();
        assertEquals("GET", r.getMethod());
        assertEquals("/rest/v1/offers", r.getRequestUrl().encodedPath());
        List<String> p = params(r);
        assertEquals("select=*", p.get(0));
        return p.subList(1, p.size());
    }

    @Test
    void comparisonOperatorsSendTheValueLiterally() {
        assertEquals(List.of("status=eq.active", "status=neq.expired", "price=gt.10", "price=gte.10.5",
                        "stock=lt.3", "stock=lte.0"),
                filters(q -> q.eq("status", "active").neq("status", "expired").gt("price", 10)
                        .gte("price", new BigDecimal("10.50").stripTrailingZeros()).lt("stock", 3L).lte("stock", 0)));
    }

    @Test
    void topLevelValuesAreNeverQuotedWhateverTheyHold() {
        String nasty = "a,b (c) \"q\" \\ back.slash:colon*star, é ü 北京 &x=1#frag %41 +plus";
        List<String> p = filters(q -> q.eq("title", nasty).like("title", "*50% off, \"today\"*"));
        assertEquals(List.of("title=eq." + nasty, "title=like.*50% off, \"today\"*"), p);
    }

    @Test
    void aValueLookingLikeAnotherFilterStaysOneValue() {
        List<String> p = filters(q -> q.eq("name", "x&owner_id=eq.1").eq("city", "x,or=(id.gt.0)"));
        assertEquals(List.of("name=eq.x&owner_id=eq.1", "city=eq.x,or=(id.gt.0)"), p);
        mock.json(200, "[]");
        supabase.from("offers").select().eq("name", "x&owner_id=eq.1").execute();
        RecordedRequest r = mock.take();
        assertEquals(2, r.getRequestUrl().querySize(), "the ampersand must be percent-encoded, not a separator");
    }

    @Test
    void nullComparisonsBecomeIs() {
        assertEquals(List.of("deleted_at=is.null", "deleted_at=not.is.null"),
                filters(q -> q.eq("deleted_at", null).neq("deleted_at", null)));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().gt("price", null));
    }

    @Test
    void javaValuesAreWrittenAsInRequestBodies() {
        UUID id = UUID.fromString("8d0fd2b3-9ca7-4d9e-a95f-9e13dded323e");
        List<String> p = filters(q -> q.eq("id", id).gte("starts_on", LocalDate.of(2026, 3, 1))
                .lt("created_at", OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(-5)))
                .eq("active", true).eq("kind", Thread.State.NEW).eq("ratio", 1.0e20));
        assertEquals(List.of("id=eq.8d0fd2b3-9ca7-4d9e-a95f-9e13dded323e", "starts_on=gte.2026-03-01",
                "created_at=lt.2026-03-01T12:00:00-05:00", "active=eq.true", "kind=eq.NEW",
                "ratio=eq.100000000000000000000"), p);
    }

    @Test
    void likeIlikeAndTheirQuantifiedForms() {
        List<String> p = filters(q -> q.like("title", "Pizza*").ilike("title", "*café*")
                .likeAllOf("title", List.of("*a*", "*b c*")).likeAnyOf("title", List.of("x,y", "z"))
                .ilikeAllOf("title", List.of("*\"q\"*")).ilikeAnyOf("title", List.of("back\\slash", "{brace}")));
        assertEquals(List.of("title=like.Pizza*", "title=ilike.*café*", "title=like(all).{\"*a*\",\"*b c*\"}",
                "title=like(any).{\"x,y\",z}", "title=ilike(all).{\"*\\\"q\\\"*\"}",
                "title=ilike(any).{\"back\\\\slash\",\"{brace}\"}"), p);
    }

    @Test
    void regexIsAndIsDistinct() {
        assertEquals(List.of("name=match.^caf", "name=imatch.^CAF$", "featured=is.true", "featured=is.false",
                        "note=is.null", "owner=isdistinct.42"),
                filters(q -> q.regexMatch("name", "^caf").regexIMatch("name", "^CAF$").is("featured", true)
                        .is("featured", false).is("note", null).isDistinct("owner", 42)));
    }

    @Test
    void inListsQuoteReservedCharactersAndLeaveNumbersBare() {
        List<String> p = filters(q -> q.in("id", List.of(1, 2, 3))
                .in("city", "Montréal", "Québec, QC", "a(b)", "say \"hi\"", "C:\\dir", "1.5", " pad ", "", "null",
                        "{x}", "北京")
                .in("price", List.of(1.5, new BigDecimal("2.25")))
                .notIn("status", List.of("expired", "draft.v2"))
                .in("id", List.of()));
        assertEquals(List.of("id=in.(1,2,3)",
                "city=in.(Montréal,\"Québec, QC\",\"a(b)\",\"say \\\"hi\\\"\",\"C:\\\\dir\",\"1.5\",\" pad \",\"\","
                        + "\"null\",\"{x}\",北京)",
                "price=in.(1.5,2.25)", "status=not.in.(expired,\"draft.v2\")", "id=in.()"), p);
    }

    @Test
    void anInListItemCannotCloseTheListOrAddAnItem() {
        List<String> p = filters(q -> q.in("id", List.of("1),owner_id.eq.(2", "3\",\"4")));
        assertEquals(List.of("id=in.(\"1),owner_id.eq.(2\",\"3\\\",\\\"4\")"), p);
        assertThrows(ValidationException.class, () -> supabase.from("offers").select()
                .in("id", java.util.Arrays.asList(1, null)));
    }

    @Test
    void containsContainedByAndOverlapsOnArraysJsonAndRanges() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("k", "v, w");
        meta.put("n", 1);
        List<String> p = filters(q -> q.contains("tags", List.of("is:open", "priority low", "plain"))
                .contains("meta", meta).contains("during", "[2026-01-01,2026-02-01)")
                .containedBy("days", new String[] {"monday", "tuesday"}).containedBy("meta", Map.of())
                .overlaps("tags", List.of("a\"b", "c\\d")).overlaps("during", "[1,5)")
                .contains("matrix", List.of(List.of(1, 2), List.of(3, 4))));
        assertEquals(List.of("tags=cs.{\"is:open\",\"priority low\",plain}", "meta=cs.{\"k\":\"v, w\",\"n\":1}",
                "during=cs.[2026-01-01,2026-02-01)", "days=cd.{monday,tuesday}", "meta=cd.{}",
                "tags=ov.{\"a\\\"b\",\"c\\\\d\"}", "during=ov.[1,5)", "matrix=cs.{{1,2},{3,4}}"), p);
    }

    @Test
    void rangeOperators() {
        assertEquals(List.of("r=sr.(1,5)", "r=nxl.[1,5)", "r=sl.(1,5]", "r=nxr.[1,5]", "r=adj.(5,9)"),
                filters(q -> q.rangeGt("r", "(1,5)").rangeGte("r", "[1,5)").rangeLt("r", "(1,5]")
                        .rangeLte("r", "[1,5]").rangeAdjacent("r", "(5,9)")));
    }

    @Test
    void textSearchPlainPhraseWebsearchAndConfig() {
        assertEquals(List.of("body=fts.pizza & !chère", "body=plfts.pizza chère",
                        "body=phfts(french).pizza pas chère", "body=wfts(french).\"pizza\" -chère or pâtes"),
                filters(q -> q.textSearch("body", "pizza & !chère")
                        .textSearch("body", "pizza chère", TextSearchType.PLAIN)
                        .textSearch("body", "pizza pas chère", TextSearchType.PHRASE, "french")
                        .textSearch("body", "\"pizza\" -chère or pâtes", TextSearchType.WEBSEARCH, "french")));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select()
                .textSearch("body", "x", TextSearchType.FTS, "french).eq(1"));
    }

    @Test
    void matchNotAndFilter() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("city", "Laval");
        m.put("merchant_id", 7);
        m.put("deleted_at", null);
        List<String> p = filters(q -> q.match(m).not("status", "eq", "expired").not("id", "in", List.of(1, 2))
                .not("tags", "cs", List.of("x")).not("deleted_at", "is", null)
                .filter("title", "ilike", "*pizza*").filter("id", "in", "(1,2,3)")
                .filter("data->>city", "eq", "Laval").filter("offers.status", "eq", "active"));
        assertEquals(List.of("city=eq.Laval", "merchant_id=eq.7", "deleted_at=is.null", "status=not.eq.expired",
                "id=not.in.(1,2)", "tags=not.cs.{x}", "deleted_at=not.is.null", "title=ilike.*pizza*",
                "id=in.(1,2,3)", "data->>city=eq.Laval", "offers.status=eq.active"), p);
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().filter("id", "drop", 1));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().match(Map.of()));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().eq(" ", 1));
    }

    @Test
    void typedOrTreesQuoteEveryValueThatNeedsIt() {
        String input = "50% off, today (only) \"really\" \\o/ a.b:c*";
        List<String> p = filters(q -> q.or(c -> c.ilike("title", "*" + input + "*").eq("id", 5)
                .in("city", List.of("Laval", "Saint-Jérôme, QC")).is("featured", true)
                .and(a -> a.gte("price", 10).lt("price", 20.5).not("status", "eq", "expired"))
                .notOr(n -> n.eq("a", "x").eq("b", "y"))
                .contains("tags", List.of("a b", "c")).textSearch("body", "pizza chère", TextSearchType.WEBSEARCH,
                        "french")));
        assertEquals(List.of("or=(title.ilike.\"*50% off, today (only) \\\"really\\\" \\\\o/ a.b:c**\",id.eq.5,"
                + "city.in.(Laval,\"Saint-Jérôme, QC\"),featured.is.true,"
                + "and(price.gte.10,price.lt.20.5,status.not.eq.expired),not.or(a.eq.x,b.eq.y),"
                + "tags.cs.\"{\\\"a b\\\",c}\",body.wfts(french).\"pizza chère\")"), p);
    }

    @Test
    void anOrTreeValueCannotSmuggleAFilter() {
        List<String> p = filters(q -> q.or(c -> c.eq("name", "x),owner_id.eq.1,id.eq.(2").eq("name", "\")")));
        assertEquals(List.of("or=(name.eq.\"x),owner_id.eq.1,id.eq.(2\",name.eq.\"\\\")\")"), p);
    }

    @Test
    void treeColumnsWithReservedCharactersAreQuotedJsonPathsKept() {
        List<String> p = filters(q -> q.or(c -> c.eq("information.cpe", "x").eq("data->>city", "Laval")
                .eq("first-name", "A")));
        assertEquals(List.of("or=(\"information.cpe\".eq.x,data->>city.eq.Laval,first-name.eq.A)"), p);
    }

    @Test
    void orAndTreesOnTheTopLevelAndOnReferencedTables() {
        List<String> p = filters(q -> q.or("status.eq.active,stock.gt.0").or("title.eq.x", "offers")
                .or(c -> c.eq("kind", "deal"), "offers").and(c -> c.gt("a", 1).lt("a", 9))
                .and(c -> c.eq("b", 1), "merchants").notAnd(c -> c.eq("a", 1).eq("b", 2)));
        assertEquals(List.of("or=(status.eq.active,stock.gt.0)", "offers.or=(title.eq.x)", "offers.or=(kind.eq.deal)",
                "and=(a.gt.1,a.lt.9)", "merchants.and=(b.eq.1)", "not.and=(a.eq.1,b.eq.2)"), p);
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().or(c -> { }));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().or(""));
    }

    @Test
    void quotingRuleFollowsThePostgrestGrammar() {
        assertEquals("plain", Encoding.quote("plain"));
        assertEquals("Montréal-2", Encoding.quote("Montréal-2"));
        for (String special : List.of(",", ".", ":", "*", "(", ")", "{", "}", "\"", "\\", " ", "\t", "\u00a0")) {
            assertTrue(Encoding.quote("a" + special + "b").startsWith("\""), "must quote " + special);
        }
        assertEquals("\"\"", Encoding.quote(""));
        assertEquals("\"NULL\"", Encoding.quote("NULL"));
        assertEquals("\"a\\\\\\\"b\"", Encoding.quote("a\\\"b"));
        assertEquals("a->b", Encoding.treeColumn("a->b"));
        assertEquals("id,title,offers(id,\"my col\")", Encoding.stripSelect(" id, title,\n offers( id, \"my col\")"));
    }
}
