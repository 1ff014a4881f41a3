package com.rabaislocal.sdk.supabase.postgrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Table calls under a misbehaving server: every call that reads a whole answer ends by its deadline, a body cut
 * short is retried when the request may be repeated, a timeout while reading is a timeout, and a 2xx body of the
 * wrong shape is an error rather than rows of nulls.
 */
class TableCallFaultTest {

    record Row(Long id, String title) { }

    /** The deadline of the calls below; the transport's read timeout (30 s) is far above it. */
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Well under the 30 s read timeout that bounded these calls before: an answer this late would be a failure. */
    private static final long ENDED_WELL_BEFORE_THE_READ_TIMEOUT_MS = 15_000;

    private final MockSupabase mock = new MockSupabase();

    @AfterEach
    void close() {
        mock.close();
    }

    private SupabaseClient withDeadline() {
        return mock.builder(MockSupabase.ANON_JWT).deadline(DEADLINE).build();
    }

    private static String rows(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"title\":\"Offre numéro ")
                    .append(i).append(" — deux pour un\"}");
        }
        return sb.append(']').toString();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    @Test
    void aBodyThatStallsAfterTheHeadersEndsAtTheDeadline() {
        mock.enqueue(json(rows(3)).setBodyDelay(60, TimeUnit.SECONDS));
        SupabaseClient supabase = withDeadline();

        long start = System.nanoTime();
        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
                () -> supabase.from("offers").select("id,title").list(Row.class));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertTrue(tookMs < ENDED_WELL_BEFORE_THE_READ_TIMEOUT_MS, "ended after " + tookMs + " ms: " + e);
        assertTrue(e.getMessage().contains("supabase"), e.getMessage());
    }

    @Test
    void aTrickledBodyEndsAtTheDeadlineInsteadOfSucceedingLate() {
        // 80 bytes every 200 ms: the ~4 KB answer would take about 10 s to arrive.
        mock.enqueue(json(rows(80)).throttleBody(80, 200, TimeUnit.MILLISECONDS));
        SupabaseClient supabase = withDeadline();

        long start = System.nanoTime();
        assertThrows(RequestTimeoutException.class, () -> supabase.from("offers").select("id,title").list(Row.class));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertTrue(tookMs < 8_000, "a trickled answer held the call for " + tookMs + " ms");
    }

    @Test
    void singleAndMaybeSingleAreBoundedByTheDeadlineToo() {
        mock.enqueue(json("{\"id\":1,\"title\":\"x\"}").setBodyDelay(60, TimeUnit.SECONDS));
        mock.enqueue(json(rows(1)).setBodyDelay(60, TimeUnit.SECONDS));
        SupabaseClient supabase = withDeadline();

        assertThrows(RequestTimeoutException.class,
                () -> supabase.from("offers").select().eq("id", 1).single(Row.class));
        assertThrows(RequestTimeoutException.class,
                () -> supabase.from("offers").select().eq("id", 1).maybeSingle(Row.class));
    }

    @Test
    void aBodyCutShortOnARepeatableReadIsRetriedWithinTheDeadline() {
        mock.enqueue(json(rows(50)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        mock.enqueue(json(rows(2)));
        SupabaseClient supabase = withDeadline();

        List<Row> got = supabase.from("offers").select("id,title").list(Row.class);

        assertEquals(2, got.size());
        assertEquals(2, mock.requestCount());
        assertEquals(1, mock.sleeps().size());
    }

    @Test
    void aBodyCutShortOnAnUpsertWithItsKeyIsRetried() {
        mock.enqueue(json(rows(50)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        mock.enqueue(json("[{\"id\":7,\"title\":\"Pizza\"}]"));
        SupabaseClient supabase = withDeadline();

        List<Row> got = supabase.from("offers").upsert(java.util.Map.of("id", 7, "title", "Pizza"))
                .onConflict("id").list(Row.class);

        assertEquals(List.of(new Row(7L, "Pizza")), got);
        assertEquals(2, mock.requestCount());
    }

    @Test
    void aBodyCutShortOnAPlainInsertIsNotResent() {
        mock.enqueue(json(rows(50)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        mock.enqueue(json("[{\"id\":7,\"title\":\"Pizza\"}]"));
        SupabaseClient supabase = withDeadline();

        assertThrows(com.rabaislocal.sdk.core.error.TransportException.class,
                () -> supabase.from("offers").insert(java.util.Map.of("title", "Pizza")).list(Row.class));
        assertEquals(1, mock.requestCount());
    }

    @Test
    void aReadTimeoutWhileReadingTheRowsIsARequestTimeout() {
        SdkHttpClient impatient = SdkHttpClient.builder().readTimeout(Duration.ofMillis(300)).build();
        SupabaseClient supabase = mock.builder(MockSupabase.ANON_JWT).transport(impatient)
                .retryPolicy(RetryPolicy.none()).build();
        mock.enqueue(json(rows(3)).setBodyDelay(5, TimeUnit.SECONDS));

        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
                () -> supabase.from("offers").select().list(Row.class));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(1, mock.requestCount());
    }

    @Test
    void anObjectWhereRowsArePromisedIsAnUnexpectedResponse() {
        mock.enqueue(json("{\"data\":[{\"id\":1,\"title\":\"x\"}],\"count\":1}").setHeader("sb-request-id", "req-9"));
        SupabaseClient supabase = mock.client();

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> supabase.from("offers").select().list(Row.class));

        assertEquals(200, e.httpStatus());
        assertEquals("supabase", e.service());
        assertTrue(e.getMessage().contains("expected a JSON array of rows, got an object"), e.getMessage());
        assertEquals(1, mock.requestCount(), "an answer of the wrong shape is not retried");
    }

    @Test
    void aScalarOrAnArrayWhereOneObjectIsPromisedIsAnUnexpectedResponse() {
        mock.json(200, "[{\"id\":1,\"title\":\"x\"}]");
        mock.json(200, "42");
        mock.json(200, "");
        SupabaseClient supabase = mock.client();

        for (String got : List.of("an array", "a number", "an empty body")) {
            UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                    () -> supabase.from("offers").select().eq("id", 1).single(Row.class));
            assertTrue(e.getMessage().contains("expected one JSON object, got " + got), e.getMessage());
        }
    }

    @Test
    void aScalarAnsweringATableReadIsAnUnexpectedResponseButAnRpcMayReturnOne() {
        mock.json(200, "\"oops\"");
        mock.json(200, "{\"id\":3,\"title\":\"un\"}");
        SupabaseClient supabase = mock.client();

        assertThrows(UnexpectedResponseException.class, () -> supabase.from("offers").select().list(Row.class));
        assertEquals(List.of(new Row(3L, "un")), supabase.rpc("best_offer").list(Row.class));
    }

    @Test
    void anExplicitStreamStillReadsPastTheDeadline() throws Exception {
        // Only stream() may outlive the deadline: its reads are bounded by the transport's silence limit.
        mock.enqueue(json(rows(40)).throttleBody(400, 300, TimeUnit.MILLISECONDS));
        SupabaseClient supabase = mock.builder(MockSupabase.ANON_JWT).deadline(Duration.ofMillis(500)).build();

        try (RowStream<Row> stream = supabase.from("offers").select().stream(Row.class)) {
            long n = stream.stream().count();
            assertEquals(40, n);
        }
    }
}
