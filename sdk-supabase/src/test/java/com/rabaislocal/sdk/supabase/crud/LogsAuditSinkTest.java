package com.rabaislocal.sdk.supabase.crud;

import static com.rabaislocal.sdk.supabase.crud.CrudKit.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.audit.AuditChanges;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.BatchingAuditSink;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.supabase.tables.Offer;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LogsAuditSink: one idempotent POST per batch into logs_audit; batched by a BatchingAuditSink in front. */
class LogsAuditSinkTest {

    private final CrudKit kit = new CrudKit();

    @TempDir
    Path spool;

    @AfterEach
    void close() {
        kit.close();
    }

    private static AuditEvent event(int n) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("title", "Pizza");
        before.put("ends_at", null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", "Pizza " + n);
        after.put("ends_at", "2026-04-01T00:00:00Z");
        return AuditEvent.builder().eventId(CrudKit.eventId(n)).occurredAt(Instant.parse("2026-03-01T12:00:00Z"))
                .actorId(CrudKit.USER_ID).actorRole("authenticated").action(AuditEvent.UPDATE).entityType("offers")
                .entityId(CrudKit.rowId(n).toString()).diff(before, after).sourceIp("2001:db8::7")
                .requestId("req-" + n).build();
    }

    private static List<AuditEvent> events(int count) {
        List<AuditEvent> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(event(i));
        }
        return out;
    }

    @Test
    void aBatchIsOnePostOfAllItsRowsThatSkipsEventsAlreadyStored() {
        kit.json(201, "");
        LogsAuditSink sink = LogsAuditSink.create(kit.serviceClient());

        sink.write(events(3));

        assertEquals(1, kit.mock.requestCount());
        RecordedRequest r = kit.take();
        assertEquals("POST /rest/v1/logs_audit?columns=\"event_id\",\"occurred_at\",\"actor_id\",\"actor_role\","
                + "\"action\",\"entity_type\",\"entity_id\",\"changes\",\"ip\",\"request_id\"&on_conflict=event_id",
                line(r));
        assertEquals("return=minimal,resolution=ignore-duplicates", r.getHeader("Prefer"));
        assertEquals("Bearer " + MockSupabase.SERVICE_JWT, r.getHeader("Authorization"));
        JsonNode rows = CrudKit.body(r);
        assertEquals(3, rows.size());
        assertEquals(CrudKit.json("{\"event_id\":\"" + CrudKit.eventId(2) + "\",\"occurred_at\":"
                + "\"2026-03-01T12:00:00Z\",\"actor_id\":\"" + CrudKit.USER_ID + "\",\"actor_role\":\"authenticated\","
                + "\"action\":\"update\",\"entity_type\":\"offers\",\"entity_id\":\"" + CrudKit.rowId(2) + "\","
                + "\"changes\":{\"title\":{\"old\":\"Pizza\",\"new\":\"Pizza 2\"},"
                + "\"ends_at\":{\"old\":null,\"new\":\"2026-04-01T00:00:00Z\"}},"
                + "\"ip\":\"2001:db8::7\",\"request_id\":\"req-2\"}"), rows.get(1));
    }

    @Test
    void aBatchIsSafeToResendSoItIsRetriedAndFailuresSurfaceAsNotStored() {
        kit.json(503, "{\"code\":\"PGRST002\",\"message\":\"schema cache\"}");
        kit.json(201, "");
        LogsAuditSink sink = LogsAuditSink.create(kit.serviceClient());
        sink.write(events(2));
        assertEquals(2, kit.mock.requestCount());
        assertEquals(CrudKit.body(kit.take()), CrudKit.body(kit.take()));

        for (int i = 0; i < 4; i++) {
            kit.json(503, "{\"code\":\"PGRST002\",\"message\":\"schema cache\"}");
        }
        assertThrows(ServerException.class, () -> sink.write(events(1)), "a batch not stored is an exception");
    }

    @Test
    void anActorThatIsNotAUuidIsStoredWithoutItAndSaidSo() throws Exception {
        kit.json(201, "");
        AuditEvent cron = AuditEvent.builder().actorId("cron:expire-offers").actorRole("service_role")
                .action("expire").entityType("offers").changes(AuditChanges.none()).build();
        try (LogCapture logs = LogCapture.sdk()) {
            LogsAuditSink.create(kit.serviceClient()).write(List.of(cron));
            assertTrue(logs.text().contains(cron.eventId().toString()), logs.text());
        }
        JsonNode row = CrudKit.body(kit.take()).get(0);
        assertTrue(row.get("actor_id").isNull());
        assertEquals(CrudKit.json("{}"), row.get("changes"));
    }

    @Test
    void onlyTheServiceRoleClientCanWriteTheTrail() {
        assertThrows(ValidationException.class, () -> LogsAuditSink.create(kit.anonClient()));
        assertThrows(ValidationException.class,
                () -> LogsAuditSink.create(kit.serviceClient().withAccessToken(MockSupabase.USER_JWT)));
        assertThrows(ValidationException.class, () -> LogsAuditSink.create(null));
        LogsAuditSink sink = LogsAuditSink.create(kit.serviceClient());
        assertThrows(ValidationException.class, () -> sink.write(java.util.Arrays.asList(event(1), null)));
        sink.write(List.of());
        assertEquals(0, kit.mock.requestCount());
    }

    @Test
    void behindABatchingSinkNEventsTakeCeilNOverKPosts() throws Exception {
        int n = 23;
        int k = 5;
        List<Set<String>> posted = new ArrayList<>();
        kit.mock.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Set<String> ids = new HashSet<>();
                CrudKit.body(request).forEach(row -> ids.add(row.get("event_id").asText()));
                synchronized (posted) {
                    posted.add(ids);
                }
                return new MockResponse().setResponseCode(201);
            }
        });
        try (BatchingAuditSink batching = BatchingAuditSink.builder()
                .downstream(LogsAuditSink.create(kit.serviceClient())).spoolDirectory(spool).batchSize(k)
                .linger(Duration.ofMinutes(10)).build()) {
            for (AuditEvent e : events(n)) {
                batching.write(e);
            }
            assertTrue(batching.flush(Duration.ofSeconds(30)));
        }
        assertEquals((n + k - 1) / k, kit.mock.requestCount());
        Set<String> all = new HashSet<>();
        synchronized (posted) {
            posted.forEach(batch -> {
                assertTrue(batch.size() <= k, "a POST holds at most k rows");
                all.addAll(batch);
            });
        }
        assertEquals(n, all.size(), "every event reached logs_audit");
    }

    @Test
    void closingTheClientsBeforeTheBatchingSinkStillDeliversTheQueuedEvents() throws Exception {
        kit.mock.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(201);
            }
        });
        com.rabaislocal.sdk.supabase.SupabaseClient service = kit.serviceClient();
        BatchingAuditSink batching = BatchingAuditSink.builder().downstream(LogsAuditSink.create(service))
                .spoolDirectory(spool).batchSize(100).linger(Duration.ofMinutes(10)).build();
        for (AuditEvent e : events(3)) {
            batching.write(e);
        }

        // The order a first service used: its clients first, then the sink.
        service.close();
        batching.close();

        assertEquals(1, kit.mock.requestCount(), "the last batch went out through the sink's own client");
        assertEquals(3, CrudKit.body(kit.take()).size());
        assertEquals(0, batching.spooledCount());
    }

    @Test
    void aMutationThroughTheTemplateReachesLogsAuditUnderTheEventIdItsRequestNamed() {
        kit.json(201, List.of(CrudKit.offerRow(CrudKit.rowId(1), "Pizza")));
        kit.json(201, "");
        SupabaseCrud crud = SupabaseCrud.builder().client(kit.anonClient().withAccessToken(MockSupabase.USER_JWT))
                .auditSink(LogsAuditSink.create(kit.serviceClient())).idGenerator(() -> CrudKit.rowId(1)).build();

        crud.offers().insert(Offer.builder().merchantId(UUID.fromString(CrudKit.USER_ID)).title("Pizza")
                .discountPercent(new BigDecimal("20")).city("Sherbrooke").build());

        String named = kit.take().getHeader("X-Audit-Event-Id");
        RecordedRequest audit = kit.take();
        assertEquals("/rest/v1/logs_audit", audit.getRequestUrl().encodedPath());
        JsonNode rows = CrudKit.body(audit);
        assertEquals(1, rows.size());
        assertEquals(named, rows.get(0).get("event_id").asText(), "the database already holds this event id: the"
                + " sink's copy is skipped, one row per mutation");
        assertEquals("insert", rows.get(0).get("action").asText());
        assertEquals("Pizza", rows.get(0).at("/changes/title/new").asText());
    }

    @Test
    void aSinkFailureDoesNotFailTheCommittedMutationAndKeepsTheEventInTheLog() throws Exception {
        kit.json(201, List.of(CrudKit.offerRow(CrudKit.rowId(1), "Pizza")));
        kit.sink.failAlways();
        try (LogCapture logs = LogCapture.sdk()) {
            Offer o = kit.user().offers().insert(Offer.builder().merchantId(UUID.fromString(CrudKit.USER_ID))
                    .title("Pizza").discountAmountCents(500).city("Sherbrooke").build());
            assertEquals(CrudKit.rowId(1), o.id());
            assertTrue(logs.at("ERROR").stream().anyMatch(l -> l.contains(CrudKit.eventId(1).toString())
                    && l.contains("\"action\":\"insert\"")), logs.text());
        }
    }
}
