package com.rabaislocal.sdk.supabase.postgrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The auto-pager against a fake table that honours limit/offset, with and without a server row cap. */
class PagerTest {

    record Row(long id) { }

    private final MockSupabase mock = new MockSupabase();
    private final SupabaseClient supabase = mock.client();
    private final List<String> pages = new ArrayList<>();

    @AfterEach
    void close() {
        mock.close();
    }

    /** Serves a table of {@code size} rows, at most {@code cap} per answer, recording offset/limit. */
    private void table(int size, int cap) {
        mock.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                int offset = Integer.parseInt(r.getRequestUrl().queryParameter("offset"));
                int limit = Integer.parseInt(r.getRequestUrl().queryParameter("limit"));
                pages.add(offset + "+" + limit);
                int end = Math.min(size, offset + Math.min(limit, cap));
                String rows = java.util.stream.IntStream.range(offset, Math.max(offset, end))
                        .mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining(","));
                return new MockResponse().setHeader("Content-Type", "application/json").setBody("[" + rows + "]");
            }
        });
    }

    private List<Long> ids(Pager<Row> pager) {
        return pager.rows().map(Row::id).collect(Collectors.toList());
    }

    @Test
    void walksEveryRowAndStopsAtAShortPage() {
        table(5, 1000);
        Pager<Row> pager = supabase.from("offers").select("id").gt("id", -1).order("id").paginate(Row.class, 2);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), ids(pager));
        assertEquals(List.of("0+2", "2+2", "4+2"), pages);
        RecordedRequest first = mock.take();
        assertEquals(List.of("select=id", "id=gt.-1", "order=id.asc", "limit=2", "offset=0"),
                MockSupabase.params(first));
    }

    @Test
    void anExactMultipleEndsOnAnEmptyPage() {
        table(4, 1000);
        assertEquals(4, ids(supabase.from("offers").select().order("id").paginate(Row.class, 2)).size());
        assertEquals(List.of("0+2", "2+2", "4+2"), pages);
    }

    @Test
    void aServerCapBelowThePageSizeIsNotMistakenForTheEnd() {
        table(7, 2);
        Pager<Row> pager = supabase.from("offers").select().order("id").paginate(Row.class, 5);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), ids(pager));
        assertEquals(List.of("0+5", "2+5", "4+5", "6+5"), pages);
    }

    @Test
    void aShortFirstPageIsConfirmedByOneMoreRequest() {
        table(3, 1000);
        assertEquals(3, ids(supabase.from("offers").select().order("id").paginate(Row.class, 10)).size());
        assertEquals(List.of("0+10", "3+10"), pages);
    }

    @Test
    void pagesAreListsAndEachIterationStartsOver() {
        table(3, 1000);
        Pager<Row> pager = supabase.from("offers").select().order("id").paginate(Row.class, 2);
        List<Integer> sizes = new ArrayList<>();
        for (List<Row> page : pager) {
            sizes.add(page.size());
        }
        assertEquals(List.of(2, 1), sizes);
        assertEquals(3, ids(pager).size());
        assertEquals(List.of("0+2", "2+2", "0+2", "2+2"), pages);
    }

    @Test
    void theSafetyValveFailsLoudly() {
        table(100, 1000);
        Pager<Row> pager = supabase.from("offers").select().order("id").paginate(Row.class, 10).withMaxPages(3);
        RabaisSdkException e = assertThrows(RabaisSdkException.class, () -> ids(pager));
        assertTrue(e.getMessage().contains("stopped after 3 pages"), e.getMessage());
    }

    @Test
    void anUnorderedOrLimitedQueryIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> supabase.from("offers").select().paginate(Row.class, 10));
        assertTrue(e.fieldErrors().containsKey("order"));
        assertThrows(ValidationException.class,
                () -> supabase.from("offers").select().order("id").limit(5).paginate(Row.class, 10));
        assertThrows(ValidationException.class,
                () -> supabase.from("offers").select().order("id").paginate(Row.class, 0));
        assertEquals(0, mock.requestCount());
    }
}
