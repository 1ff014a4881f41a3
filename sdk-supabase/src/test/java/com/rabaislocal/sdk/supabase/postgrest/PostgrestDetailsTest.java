package com.rabaislocal.sdk.supabase.postgrest;

import static com.rabaislocal.sdk.supabase.testing.MockSupabase.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Details found by comparing the query builder with postgrest-js and PostgREST's own parser. */
class PostgrestDetailsTest {

    private final MockSupabase mock = new MockSupabase();
    private final SupabaseClient supabase = mock.client();

    @AfterEach
    void close() {
        mock.close();
    }

    private RecordedRequest sent() {
        return mock.take();
    }

    @Test
    void aPrimitiveArrayIsTheListOfIn() {
        mock.json(200, "[]");
        mock.json(200, "[]");
        supabase.from("offers").select("id").in("id", new int[] {1, 2, 3}).execute();
        supabase.from("offers").select("id").in("price", new double[] {1.5, 2}).execute();

        assertEquals(List.of("select=id", "id=in.(1,2,3)"), params(sent()));
        assertEquals(List.of("select=id", "price=in.(1.5,2.0)"), params(sent()));
    }

    @Test
    void nonFiniteNumbersAreRefusedBeforeSending() {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> supabase.from("offers").select().eq("price", d).execute());
            assertTrue(e.getMessage().contains("must be a finite number"), e.getMessage());
        }
        assertThrows(ValidationException.class,
                () -> supabase.from("offers").select().in("price", List.of(1.0, Double.NaN)).execute());
        assertEquals(0, mock.requestCount());
    }

    @Test
    void aColumnNameWithANonAsciiDigitIsQuotedInTreesAndConflictLists() {
        mock.json(200, "[]");
        mock.json(201, "[]");
        supabase.from("shapes").select("id").or(c -> c.filter("n²", "eq", 4).filter("n2", "eq", 5)).execute();
        supabase.from("shapes").upsert(Map.of("n²", 4)).onConflict("n²").execute();

        assertEquals(List.of("select=id", "or=(\"n²\".eq.4,n2.eq.5)"), params(sent()));
        assertEquals(List.of("on_conflict=\"n²\""), params(sent()));
    }

    @Test
    void quantifiedNeqIsRefusedWithTheEquivalentForm() {
        ValidationException any = assertThrows(ValidationException.class,
                () -> supabase.from("offers").select().filter("city", "neq(any)", List.of("Laval")));
        ValidationException all = assertThrows(ValidationException.class,
                () -> supabase.from("offers").select().filter("city", "neq(all)", List.of("Laval")));
        assertTrue(any.getMessage().contains("not.eq(all)"), any.getMessage());
        assertTrue(all.getMessage().contains("not.eq(any)"), all.getMessage());
    }

    @Test
    void isNotNullIsSentAsPostgrestSpellsIt() {
        mock.json(200, "[]");
        mock.json(200, "[]");
        supabase.from("offers").select("id").isNotNull("ends_at").execute();
        supabase.from("offers").select("id").filter("ends_at", "is", "not_null").execute();

        assertEquals(List.of("select=id", "ends_at=is.not_null"), params(sent()));
        assertEquals(List.of("select=id", "ends_at=is.not_null"), params(sent()));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().filter("x", "is", "nothing"));
    }

    @Test
    void selectWithoutColumnsOnAWriteAsksForTheRowsWhicheverTerminalIsCalled() {
        mock.json(201, "[{\"id\":1}]");
        mock.json(201, "[{\"id\":2}]");
        supabase.from("offers").insert(Map.of("title", "a")).select().execute();
        supabase.from("offers").insert(Map.of("title", "b")).select().list(Map.class);

        RecordedRequest first = sent();
        RecordedRequest second = sent();
        assertEquals("return=representation", first.getHeader("Prefer"));
        assertEquals("return=representation", second.getHeader("Prefer"));
        assertEquals(List.of("select=*"), params(first));
    }

    @Test
    void timezoneGoesInPreferAndIsChecked() {
        mock.json(200, "[]");
        supabase.from("offers").select().timezone("America/Toronto").execute();

        assertEquals("timezone=America/Toronto", sent().getHeader("Prefer"));
        assertThrows(ValidationException.class, () -> supabase.from("offers").select().timezone("Mars/Olympus"));
    }

    @Test
    void explainAsksForThePlanInsteadOfTheRows() {
        mock.json(200, "[{\"Plan\":{\"Node Type\":\"Seq Scan\",\"Relation Name\":\"offers\"}}]");
        JsonNode plan = supabase.from("offers").select("id").eq("city", "Laval").explain(true, false);

        RecordedRequest r = sent();
        assertEquals("application/vnd.pgrst.plan+json; for=\"application/json\"; options=analyze",
                r.getHeader("Accept"));
        assertEquals(List.of("select=id", "city=eq.Laval"), params(r));
        assertEquals("Seq Scan", plan.get(0).path("Plan").path("Node Type").asText());
    }
}
