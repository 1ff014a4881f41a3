package com.rabaislocal.sdk.supabase.postgrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streaming reads: rows one by one, connection released, and a 100,000-row answer in bounded heap. */
class RowStreamTest {

    record Row(long id, String title, String city, BigDecimal price, Instant createdAt, List<String> tags) { }

    private static final int ROWS = 100_000;
    /** Heap the streaming read may retain above its baseline; the body alone is about 40 MB. */
    private static final long BOUND = 12L * 1024 * 1024;

    private final MockSupabase mock = new MockSupabase();
    private final SupabaseClient supabase = mock.client();

    @AfterEach
    void close() {
        mock.close();
    }

    /**
     * 100,000 rows of about 400 bytes, gzip-compressed on the server side as Supabase's gateway does: the server
     * holds a few MB, the client receives about 40 MB, so a client that kept the whole body would show it.
     */
    private static Buffer gzippedRows() throws Exception {
        Buffer gz = new Buffer();
        try (BufferedSink sink = Okio.buffer(new GzipSink(gz))) {
            sink.writeUtf8("[");
            for (int i = 0; i < ROWS; i++) {
                if (i > 0) {
                    sink.writeUtf8(",");
                }
                sink.writeUtf8("{\"id\":" + i + ",\"title\":\"Offre spéciale numéro " + i
                        + " — deux pizzas pour le prix d'une, valable du lundi au jeudi, livraison comprise\","
                        + "\"city\":\"Montréal\",\"price\":" + (i % 5000)
                        + ".99,\"createdAt\":\"2026-03-01T12:00:00Z\","
                        + "\"tags\":[\"pizza\",\"livraison\",\"rabais-" + (i % 97) + "\"],\"description\":\"Lorem"
                        + " ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut"
                        + " labore et dolore magna aliqua " + (i * 31) + "\"}");
            }
            sink.writeUtf8("]");
        }
        return gz;
    }

    private static long usedAfterGc() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mx.getHeapMemoryUsage().getUsed();
    }

    private void enqueueRows() throws Exception {
        mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setHeader("Content-Encoding", "gzip").setHeader("Content-Range", "0-99999/100000")
                .setBody(gzippedRows()));
    }

    @Test
    void aHundredThousandRowsIterateInBoundedHeap() throws Exception {
        enqueueRows();
        long baseline = usedAfterGc();
        long peak = 0;
        long count = 0;
        long idSum = 0;
        try (RowStream<Row> rows = supabase.from("offers").select().count(Count.EXACT).stream(Row.class)) {
            assertEquals(ROWS, rows.count().getAsLong());
            for (Row r : rows) {
                count++;
                idSum += r.id();
                if (count % 10_000 == 0) {
                    peak = Math.max(peak, usedAfterGc() - baseline);
                }
            }
        }
        System.out.println("streaming peak KB " + peak / 1024);
        assertEquals(ROWS, count);
        assertEquals((long) ROWS * (ROWS - 1) / 2, idSum);
        assertTrue(peak < BOUND, "streaming retained " + peak / 1024 + " KB above baseline, bound "
                + BOUND / 1024 + " KB");
    }

    @Test
    void theSameAnswerReadWholeExceedsTheBoundSoTheMeasureCanFail() throws Exception {
        enqueueRows();
        long baseline = usedAfterGc();
        List<Row> all = supabase.from("offers").select().list(Row.class);
        long retained = usedAfterGc() - baseline;
        System.out.println("whole retained KB " + retained / 1024);
        assertEquals(ROWS, all.size());
        assertTrue(retained > BOUND, "holding every row retained only " + retained / 1024 + " KB");
    }

    @Test
    void aStreamIsAStreamAndClosesItsConnection() {
        mock.json(200, "[{\"id\":1,\"title\":\"a\"},{\"id\":2,\"title\":\"b\"},{\"id\":3,\"title\":\"c\"}]");
        try (RowStream<Row> rows = supabase.from("offers").select().stream(Row.class)) {
            assertEquals(List.of(1L, 3L), rows.stream().map(Row::id).filter(id -> id != 2)
                    .collect(Collectors.toList()));
            assertThrows(IllegalStateException.class, rows::iterator);
        }
        mock.json(200, "[{\"id\":1},{\"id\":2}]");
        RowStream<Row> partial = supabase.from("offers").select().stream(Row.class);
        Iterator<Row> it = partial.iterator();
        assertEquals(1, it.next().id());
        partial.close();
        assertTrue(!it.hasNext(), "a closed stream yields nothing more");
        // The pool is still usable after an early close.
        mock.json(200, "[]");
        assertEquals(0, supabase.from("offers").select().list(Row.class).size());
    }

    @Test
    void aLoneObjectOrAnEmptyBodyStreamsAsOneOrZeroRows() {
        mock.json(200, "{\"id\":9,\"title\":\"only\"}");
        try (RowStream<Row> rows = supabase.rpc("best_offer").stream(Row.class)) {
            assertEquals(List.of(9L), rows.stream().map(Row::id).collect(Collectors.toList()));
        }
        mock.enqueue(new MockResponse().setResponseCode(201));
        try (RowStream<Map<String, Object>> rows = supabase.from("offers").insert(Map.of("id", 1))
                .stream(new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { })) {
            assertTrue(!rows.iterator().hasNext());
        }
    }

    @Test
    void errorsArriveBeforeTheFirstRowOrAsTypedFailuresMidStream() {
        mock.json(409, "{\"code\":\"23505\",\"message\":\"duplicate\"}");
        assertThrows(ConflictException.class, () -> supabase.from("offers").insert(Map.of("id", 1))
                .stream(Row.class));
        mock.json(200, "[{\"id\":1},{\"id\":\"x\"}]");
        try (RowStream<Row> rows = supabase.from("offers").select().stream(Row.class)) {
            Iterator<Row> it = rows.iterator();
            it.next();
            RabaisSdkException e = assertThrows(RabaisSdkException.class, it::next);
            assertTrue(e.getMessage().contains("GET /rest/v1/offers"), e.getMessage());
        }
        mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("[{\"id\":1},{\"id\":2},{\"id\":3}]")
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        assertThrows(TransportException.class, () -> {
            try (RowStream<Row> rows = supabase.from("offers").select().stream(Row.class)) {
                rows.forEach(r -> { });
            }
        });
    }
}
