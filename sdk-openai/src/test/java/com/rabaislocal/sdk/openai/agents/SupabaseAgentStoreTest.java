package com.rabaislocal.sdk.openai.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.core.testing.RecordingAuditSink;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default store reads ai_agents through sdk-supabase's repository. */
class SupabaseAgentStoreTest {

    private MockWebServer server;
    private SdkHttpClient transport;
    private SupabaseAgentStore store;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        SupabaseClient supabase = SupabaseClient.serviceRoleBuilder().url(server.url("/").toString())
                .apiKey(Secret.of("sb_secret_0123456789abcdefghijklmnopqrstuv")).transport(transport)
                .retryPolicy(RetryPolicy.none()).build();
        store = SupabaseAgentStore.of(SupabaseCrud.builder().client(supabase).auditSink(new RecordingAuditSink())
                .build());
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    @Test
    void findsAnAgentByNameLeavingSoftDeletedRowsOut() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("[{\"id\":\"6f1c2a3e-8b7d-4c2e-9f10-0a1b2c3d4e5f\",\"name\":\"find deals\",\"model\":\"gpt-4o-mini\","
                        + "\"system_prompt\":\"Réponds en français.\",\"temperature\":0.70,\"tools\":[\"find_deals\"],"
                        + "\"active\":false,\"owner_id\":null,\"created_at\":\"2026-11-01T10:00:00Z\","
                        + "\"updated_at\":\"2026-11-01T10:00:00Z\",\"deleted_at\":null,\"deleted_by\":null}]").build());
        AgentDefinition d = store.find("find deals").orElseThrow();
        assertEquals("gpt-4o-mini", d.model());
        assertEquals(List.of("find_deals"), d.toolNames());
        assertFalse(d.active());
        assertEquals(0.7, d.temperature());
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("GET", r.getMethod());
        assertEquals("/rest/v1/ai_agents", r.getUrl().encodedPath());
        assertEquals("eq.find deals", r.getUrl().queryParameter("name"));
        assertEquals("is.null", r.getUrl().queryParameter("deleted_at"));
        assertEquals("1", r.getUrl().queryParameter("limit"));
    }

    @Test
    void noRowIsNoAgent() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("[]").build());
        assertTrue(store.find("nope").isEmpty());
    }
}
