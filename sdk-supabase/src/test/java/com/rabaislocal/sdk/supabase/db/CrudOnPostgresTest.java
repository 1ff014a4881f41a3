package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.RecordingAuditSink;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.crud.LogsAuditSink;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import com.rabaislocal.sdk.supabase.tables.Offer;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The requests the CRUD template sends, captured at the wire, then run on the real database the way PostgREST runs
 * them (json_populate_recordset over the body's columns, the request headers in request.headers): a repeated insert
 * leaves one row, the mutation and the SDK's copy of its audit event leave one logs_audit row, and a soft delete's
 * {@code "now"} is the database's time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrudOnPostgresTest {

    /** The {@code sub} of {@link MockSupabase#USER_JWT}. */
    private static final UUID MERCHANT = UUID.fromString("8d0fd2b3-9ca7-4d9e-a95f-9e13dded323e");

    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension();

    private MockSupabase mock;
    private RecordingAuditSink sink;
    private Api api;

    @BeforeAll
    void setUp() throws SQLException {
        api = DB.api();
        api.owner().update("insert into auth.users (id, email, raw_app_meta_data, raw_user_meta_data)"
                + " values (?, 'crud-merchant@example.test', '{\"role\":\"merchant\"}'::jsonb, '{}'::jsonb)", MERCHANT);
    }

    @BeforeEach
    void open() {
        mock = new MockSupabase();
        sink = new RecordingAuditSink();
    }

    @AfterEach
    void close() {
        mock.close();
    }

    /** The id the template gives a new row, so the mock's answer is the row written. */
    private static final UUID NEXT_ID = UUID.fromString("00000000-0000-4000-8000-000000000000");

    private SupabaseCrud merchant() {
        SupabaseClient client = mock.builder(MockSupabase.ANON_JWT).build().withAccessToken(MockSupabase.USER_JWT);
        return SupabaseCrud.builder().client(client).auditSink(sink).idGenerator(() -> NEXT_ID).build();
    }

    private SupabaseClient serviceClient() {
        return SupabaseClient.serviceRoleBuilder().url(mock.url()).apiKey(CredentialProvider.of(MockSupabase.SERVICE_JWT))
                .retryPolicy(mock.retryPolicy().build()).build();
    }

    private static JsonNode body(RecordedRequest r) throws Exception {
        return SdkJson.mapper().readTree(r.getBody().readUtf8());
    }

    /** The headers of a captured request as PostgREST passes them to the database (names lower-cased). */
    private static Map<String, String> headers(RecordedRequest r) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String name : r.getHeaders().names()) {
            out.put(name.toLowerCase(java.util.Locale.ROOT), r.getHeader(name));
        }
        return out;
    }

    /** PostgREST's insert with {@code on_conflict=<key>} and {@code resolution=ignore-duplicates}. */
    private static int insertIgnoringDuplicates(Api.Caller caller, String table, JsonNode body, String key)
            throws SQLException {
        ArrayNode rows = body.isArray() ? (ArrayNode) body : SdkJson.mapper().createArrayNode().add(body);
        List<String> columns = new ArrayList<>();
        for (Iterator<String> it = rows.get(0).fieldNames(); it.hasNext(); ) {
            columns.add('"' + it.next() + '"');
        }
        String list = String.join(", ", columns);
        return caller.update("insert into public." + table + " (" + list + ") select " + list
                + " from json_populate_recordset(null::public." + table + ", ?::json) on conflict (" + key
                + ") do nothing", rows.toString());
    }

    @Test
    void aRepeatedInsertAndTheSdkCopyOfItsEventLeaveOneRowAndOneAuditRow() throws Exception {
        mock.json(201, "[{\"id\":\"00000000-0000-4000-8000-000000000000\"}]");
        merchant().offers().insert(Offer.builder().merchantId(MERCHANT).title("Pizza 2 pour 1")
                .discountPercent(new BigDecimal("12.50")).city("Sherbrooke").build());
        RecordedRequest insert = mock.take();
        JsonNode offer = body(insert);
        UUID id = UUID.fromString(offer.get("id").asText());
        Api.Caller asMerchant = api.user(MERCHANT).withHeaders(headers(insert));

        assertEquals(1, insertIgnoringDuplicates(asMerchant, "offers", offer, "id"));
        assertEquals(0, insertIgnoringDuplicates(asMerchant, "offers", offer, "id"), "the retry inserts nothing");
        assertEquals(1L, api.owner().value("select count(*) from offers where id = ?", id));
        assertEquals(new BigDecimal("12.50"), api.owner().value("select discount_percent from offers where id = ?", id));
        assertEquals("draft", api.owner().value("select status from offers where id = ?", id), "defaults apply");

        AuditEvent event = sink.events().get(sink.events().size() - 1);
        assertEquals(insert.getHeader("X-Audit-Event-Id"), event.eventId().toString());
        mock.json(201, "");
        SupabaseClient service = serviceClient();
        LogsAuditSink.create(service).write(List.of(event));
        JsonNode auditRows = body(mock.take());
        assertEquals(0, insertIgnoringDuplicates(api.serviceRole(), "logs_audit", auditRows, "event_id"),
                "the trigger already stored this event id");
        assertEquals(0, insertIgnoringDuplicates(api.serviceRole(), "logs_audit", auditRows, "event_id"),
                "a replay from the spool is skipped too");
        List<Map<String, Object>> trail = api.owner().rows("select * from logs_audit where entity_type = 'offers'"
                + " and entity_id = ?", id.toString());
        assertEquals(1, trail.size(), "one mutation, one logs_audit row");
        assertEquals(event.eventId(), trail.get(0).get("event_id"));
        assertEquals(MERCHANT, trail.get(0).get("actor_id"));
    }

    @Test
    void theSinksRowsFitTheTableWhenNoTriggerWroteThem() throws Exception {
        mock.json(201, "");
        SupabaseClient service = serviceClient();
        AuditEvent login = AuditEvent.builder().actorId(MERCHANT.toString()).actorRole("authenticated")
                .action(AuditEvent.LOGIN).entityType("auth").sourceIp("2001:db8::9").requestId("edge-1").build();
        AuditEvent export = AuditEvent.builder().actorId("cron:nightly").action("export").entityType("offers")
                .diff(null, Map.of("format", "csv")).build();
        LogsAuditSink.create(service).write(List.of(login, export));
        JsonNode rows = body(mock.take());

        assertEquals(2, insertIgnoringDuplicates(api.serviceRole(), "logs_audit", rows, "event_id"));
        Map<String, Object> stored = api.owner().rows("select * from logs_audit where event_id = ?",
                login.eventId()).get(0);
        assertEquals("2001:db8::9", String.valueOf(stored.get("ip")));
        assertEquals(MERCHANT, stored.get("actor_id"));
        Map<String, Object> cron = api.owner().rows("select actor_id, changes::text as changes from logs_audit"
                + " where event_id = ?", export.eventId()).get(0);
        assertEquals(null, cron.get("actor_id"));
        assertEquals("csv", SdkJson.mapper().readTree((String) cron.get("changes")).at("/format/new").asText());
    }

    @Test
    void aSoftDeletesNowIsTheDatabaseTimeAndTheTriggerStampsTheAuthor() throws Exception {
        UUID offer = (UUID) api.user(MERCHANT).value("insert into offers (merchant_id, title, discount_amount_cents,"
                + " city) values (?, 'Soft', 500, 'Laval') returning id", MERCHANT);
        mock.json(200, "[{\"id\":\"" + offer + "\",\"deleted_at\":\"2026-03-01T12:00:00+00:00\"}]");
        merchant().offers().softDelete(offer);
        RecordedRequest patch = mock.take();

        int changed = api.user(MERCHANT).withHeaders(headers(patch)).update("update offers set deleted_at ="
                + " (select deleted_at from json_populate_record(null::offers, ?::json)) where id = ? and deleted_at"
                + " is null", body(patch).toString(), offer);

        assertEquals(1, changed);
        Map<String, Object> row = api.owner().rows("select deleted_at, deleted_by,"
                + " deleted_at > now() - interval '1 minute' as recent from offers where id = ?", offer).get(0);
        assertNotNull(row.get("deleted_at"));
        assertEquals(true, row.get("recent"), "\"now\" is the database's clock, not a literal sent by the client");
        assertEquals(MERCHANT, row.get("deleted_by"));
        List<Map<String, Object>> trail = api.owner().rows("select action, event_id from logs_audit"
                + " where entity_id = ? and action = 'soft_delete'", offer.toString());
        assertEquals(1, trail.size());
        assertEquals(patch.getHeader("X-Audit-Event-Id"), String.valueOf(trail.get(0).get("event_id")));
    }
}
