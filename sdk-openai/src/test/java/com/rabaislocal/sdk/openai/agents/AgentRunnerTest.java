package com.rabaislocal.sdk.openai.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.RecordingAuditSink;
import com.rabaislocal.sdk.openai.WireTestBase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentRunnerTest extends WireTestBase {

    record FindDealsArgs(String city) { }

    record Offer(String title, int discountPercent) { }

    private static final String PROMPT = "Tu trouves des rabais pour les clients de RabaisLocal. Réponds en français.";
    private static final String INPUT = "Quels rabais à Québec ? Mon courriel est ana@example.com";

    private final InMemoryAgentStore store = new InMemoryAgentStore();
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final List<String> citiesAsked = new ArrayList<>();

    @BeforeEach
    void agents() {
        store.put(new AgentDefinition("find deals", "gpt-4o-mini", PROMPT, 0.3, List.of("find_deals"), true));
        store.put(new AgentDefinition("retired", "gpt-4o-mini", "", null, List.of(), false));
        store.put(new AgentDefinition("broken", "gpt-4o-mini", "", null, List.of("send_email"), true));
    }

    private AgentRunner.Builder runner() {
        return AgentRunner.builder().client(client).store(store).audit(audit)
                .prices(PriceTable.builder().price("gpt-4o-mini", "0.15", "0.075", "0.60").build())
                .tool("find_deals", "Lists live offers in a city", FindDealsArgs.class, a -> {
                    citiesAsked.add(a.city());
                    if (a.city().equals("Atlantis")) {
                        throw new IllegalStateException("no such city");
                    }
                    return List.of(new Offer("Croissants", 30), new Offer("Café", 15));
                });
    }

    static String toolCalls(String... idNameArgs) {
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < idNameArgs.length; i += 3) {
            if (i > 0) {
                calls.append(',');
            }
            calls.append("{\"id\":\"").append(idNameArgs[i]).append("\",\"type\":\"function\",\"function\":{\"name\":\"")
                    .append(idNameArgs[i + 1]).append("\",\"arguments\":")
                    .append(SdkJson.mapper().valueToTree(idNameArgs[i + 2]).toString()).append("}}");
        }
        return "{\"id\":\"chatcmpl-t\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                + calls + "]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":100,"
                + "\"completion_tokens\":20,\"total_tokens\":120,\"prompt_tokens_details\":{\"cached_tokens\":40}}}";
    }

    @Test
    void theToolLoopRunsToolsAndEndsWithTheAnswer() throws Exception {
        enqueue(toolCalls("call_1", "find_deals", "{\"city\":\"Québec\"}", "call_2", "find_deals",
                "{\"city\":\"Lévis\"}"));
        enqueue(completion("Voici deux rabais : croissants -30 %, café -15 %."));
        AgentRun run = runner().build().run(new AgentRunParams("find deals", INPUT, "user-42", "customer",
                "req-platform-1", "u_hash"));

        assertEquals(AgentRun.Outcome.COMPLETED, run.outcome());
        assertEquals("Voici deux rabais : croissants -30 %, café -15 %.", run.answerText().orElseThrow());
        assertEquals(List.of("Québec", "Lévis"), citiesAsked);
        assertEquals(2, run.steps().size());
        List<ToolInvocation> calls = run.steps().get(0).toolCalls();
        assertEquals("{\"city\":\"Québec\"}", calls.get(0).arguments());
        assertEquals("[{\"title\":\"Croissants\",\"discountPercent\":30},{\"title\":\"Café\",\"discountPercent\":15}]",
                calls.get(0).result());
        assertFalse(calls.get(0).failed());

        JsonNode first = json(take("POST", "/chat/completions"));
        assertEquals("gpt-4o-mini", first.get("model").asText());
        assertEquals(0.3, first.get("temperature").asDouble());
        assertEquals("u_hash", first.get("safety_identifier").asText());
        assertEquals(json("[{\"role\":\"system\",\"content\":" + SdkJson.mapper().valueToTree(PROMPT) + "},"
                + "{\"role\":\"user\",\"content\":" + SdkJson.mapper().valueToTree(INPUT) + "}]"), first.get("messages"));
        assertEquals("find_deals", first.get("tools").get(0).get("function").get("name").asText());
        assertTrue(first.get("tools").get(0).get("function").get("strict").asBoolean());
        JsonNode second = json(take());
        JsonNode m = second.get("messages");
        assertEquals(5, m.size());
        assertEquals("assistant", m.get(2).get("role").asText());
        assertEquals(2, m.get(2).get("tool_calls").size());
        assertEquals("call_1", m.get(3).get("tool_call_id").asText());
        assertEquals("call_2", m.get(4).get("tool_call_id").asText());
    }

    @Test
    void usageIsSummedOverTheStepsAndPriced() {
        enqueue(toolCalls("call_1", "find_deals", "{\"city\":\"Québec\"}"));
        enqueue(completion("ok"));
        AgentRun run = runner().build().run(AgentRunParams.of("find deals", INPUT, "user-42"));
        // 100 + 19 prompt, 40 cached; 20 + 10 completion.
        assertEquals(119, run.usage().promptTokens());
        assertEquals(30, run.usage().completionTokens());
        assertEquals(149, run.usage().totalTokens());
        assertEquals(40, run.usage().cachedTokens());
        // (79 * 0.15 + 40 * 0.075 + 30 * 0.60) / 1e6 = 0.00003285 -> 0.000033
        assertEquals(new BigDecimal("0.000033"), run.cost());
        assertEquals("gpt-4o-mini-2024-07-18", run.model());
    }

    @Test
    void oneAuditEventWithTokensCostAndToolsButNoText() {
        enqueue(toolCalls("call_1", "find_deals", "{\"city\":\"Québec\"}"));
        enqueue(completion("Voici les rabais de Québec."));
        runner().build().run(new AgentRunParams("find deals", INPUT, "user-42", "customer", "req-platform-1", null));
        assertEquals(1, audit.batches().size());
        AuditEvent e = audit.batches().get(0).get(0);
        assertEquals(AgentRunner.AUDIT_ACTION, e.action());
        assertEquals("ai_agents", e.entityType());
        assertEquals("find deals", e.entityId());
        assertEquals("user-42", e.actorId());
        assertEquals("customer", e.actorRole());
        assertEquals("req-platform-1", e.requestId());
        Map<String, Object> after = e.changes().after();
        assertEquals("gpt-4o-mini-2024-07-18", after.get("model"));
        assertEquals("completed", after.get("outcome"));
        assertEquals(149, ((Number) after.get("total_tokens")).intValue());
        assertEquals("0.000033", after.get("cost_usd"));
        assertEquals(List.of("find_deals"), after.get("tools"));
        String json = e.toJson();
        for (String text : List.of("Québec", "ana@example.com", "Voici", "rabais pour les clients", "Croissants")) {
            assertFalse(json.contains(text), text + " leaked into " + json);
        }
    }

    @Test
    void theStepLimitEndsTheRun() {
        for (int i = 0; i < 3; i++) {
            enqueue(toolCalls("call_" + i, "find_deals", "{\"city\":\"Québec\"}"));
        }
        AgentRun run = runner().maxSteps(3).build().run(AgentRunParams.of("find deals", INPUT, null));
        assertEquals(AgentRun.Outcome.STEP_LIMIT, run.outcome());
        assertNull(run.answer());
        assertEquals(3, run.steps().size());
        assertEquals(3, server.getRequestCount());
        assertEquals(360, run.usage().totalTokens());
        assertEquals("step_limit", audit.batches().get(0).get(0).changes().after().get("outcome"));
    }

    @Test
    void toolFailuresGoBackToTheModelAsErrors() throws Exception {
        enqueue(toolCalls("c_throw", "find_deals", "{\"city\":\"Atlantis\"}", "c_unknown", "send_email",
                "{\"to\":\"x\"}", "c_bad", "find_deals", "{\"city\": \"Qué"));
        enqueue(completion("Désolé, je n'ai rien trouvé."));
        AgentRun run = runner().build().run(AgentRunParams.of("find deals", INPUT, null));
        assertEquals(AgentRun.Outcome.COMPLETED, run.outcome());
        List<ToolInvocation> calls = run.steps().get(0).toolCalls();
        assertTrue(calls.stream().allMatch(ToolInvocation::failed));
        assertEquals("{\"error\":\"tool find_deals failed: IllegalStateException: no such city\"}", calls.get(0).result());
        assertTrue(calls.get(1).result().contains("unknown tool 'send_email'"), calls.get(1).result());
        assertTrue(calls.get(2).result().contains("invalid arguments for find_deals"), calls.get(2).result());
        take();
        JsonNode m = json(take()).get("messages");
        assertEquals(calls.get(0).result(), m.get(3).get("content").asText());
        assertEquals("c_unknown", m.get(4).get("tool_call_id").asText());
        assertEquals(List.of("Atlantis"), citiesAsked);
    }

    @Test
    void aRefusalEndsTheRunAsRefused() {
        enqueue("{\"id\":\"chatcmpl-r\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"refusal\":\"Je ne peux pas aider.\"},\"finish_reason\":\"stop\"}]}");
        AgentRun run = runner().build().run(AgentRunParams.of("find deals", INPUT, null));
        assertEquals(AgentRun.Outcome.REFUSED, run.outcome());
        assertEquals("Je ne peux pas aider.", run.answer());
        assertTrue(run.answerText().isEmpty());
    }

    @Test
    void unknownInactiveAndMisconfiguredAgentsAreRefusedClearly() {
        AgentRunner r = runner().build();
        AgentException none = assertThrows(AgentException.class, () -> r.run(AgentRunParams.of("nope", INPUT, null)));
        assertEquals(AgentException.Reason.NOT_FOUND, none.reason());
        AgentException inactive = assertThrows(AgentException.class,
                () -> r.run(AgentRunParams.of("retired", INPUT, null)));
        assertEquals(AgentException.Reason.INACTIVE, inactive.reason());
        assertTrue(inactive.getMessage().contains("inactive"), inactive.getMessage());
        AgentException broken = assertThrows(AgentException.class,
                () -> r.run(AgentRunParams.of("broken", INPUT, null)));
        assertEquals(AgentException.Reason.TOOL_NOT_REGISTERED, broken.reason());
        assertTrue(broken.getMessage().contains("send_email"));
        assertEquals(0, server.getRequestCount());
        assertEquals(0, audit.calls());
    }

    @Test
    void theModerationPreCheckRefusesFlaggedInput() throws Exception {
        enqueue("{\"id\":\"modr-1\",\"model\":\"omni-moderation-latest\",\"results\":[{\"flagged\":true,"
                + "\"categories\":{\"harassment\":true,\"violence\":false,\"illicit/violent\":true},"
                + "\"category_scores\":{\"harassment\":0.91,\"violence\":0.01,\"illicit/violent\":0.7},"
                + "\"category_applied_input_types\":{\"harassment\":[\"text\"]}}]}");
        AgentRunner r = runner().moderateInput(true).build();
        AgentException e = assertThrows(AgentException.class, () -> r.run(AgentRunParams.of("find deals", INPUT,
                "user-42")));
        assertEquals(AgentException.Reason.INPUT_FLAGGED, e.reason());
        assertTrue(e.getMessage().contains("harassment, illicit/violent"), e.getMessage());
        assertFalse(e.getMessage().contains("Québec"));
        JsonNode mod = json(take("POST", "/moderations"));
        assertEquals(json("{\"model\":\"omni-moderation-latest\",\"input\":[" + SdkJson.mapper().valueToTree(INPUT)
                + "]}"), mod);
        assertEquals(1, server.getRequestCount());
        assertEquals("input_flagged", audit.batches().get(0).get(0).changes().after().get("outcome"));
    }

    @Test
    void aCleanInputPassesTheModerationPreCheck() {
        enqueue("{\"id\":\"modr-2\",\"model\":\"omni-moderation-latest\",\"results\":[{\"flagged\":false,"
                + "\"categories\":{\"harassment\":false},\"category_scores\":{\"harassment\":0.0001}}]}");
        enqueue(completion("Bonjour"));
        AgentRun run = runner().moderateInput(true).build().run(AgentRunParams.of("find deals", INPUT, null));
        assertEquals("Bonjour", run.answer());
    }

    @Test
    void aFailingAuditSinkDoesNotLoseTheAnswer() {
        audit.failAlways();
        enqueue(completion("Bonjour"));
        assertEquals("Bonjour", runner().build().run(AgentRunParams.of("find deals", INPUT, null)).answer());
    }

    @Test
    void builderAndParamsListEveryProblem() {
        ValidationException b = assertThrows(ValidationException.class, () -> AgentRunner.builder().maxSteps(0)
                .build());
        assertTrue(b.fieldErrors().keySet().containsAll(List.of("client", "store", "maxSteps")));
        ValidationException p = assertThrows(ValidationException.class, () -> new AgentRunParams(" ", "", " ",
                null, null, null));
        assertTrue(p.fieldErrors().keySet().containsAll(List.of("agent", "input", "actorId")));
    }

    @Test
    void definitionsReadTheRowsToolShapes() {
        com.rabaislocal.sdk.supabase.tables.AiAgent row = com.rabaislocal.sdk.supabase.tables.AiAgent.builder()
                .name("find deals").model("gpt-4o-mini").systemPrompt("p").temperature(new BigDecimal("0.70"))
                .tools(List.of("find_deals", Map.of("name", "list_shops"),
                        Map.of("type", "function", "function", Map.of("name", "get_offer")))).active(true).build();
        AgentDefinition d = AgentDefinition.from(row);
        assertEquals(List.of("find_deals", "list_shops", "get_offer"), d.toolNames());
        assertEquals(0.7, d.temperature());
        assertFalse(d.toString().contains("p}"));
        assertThrows(ValidationException.class, () -> AgentDefinition.from(row.toBuilder().tools(List.of(42))
                .build()));
    }

    @Test
    void pricesMatchSnapshotsByPrefix() {
        PriceTable t = PriceTable.builder().price("gpt-4o", "2.50", "1.25", "10").price("gpt-4o-mini", "0.15",
                "0.075", "0.60").build();
        assertEquals(new BigDecimal("0.15"), t.priceOf("gpt-4o-mini-2024-07-18").orElseThrow().inputPerMillion());
        assertEquals(new BigDecimal("2.50"), t.priceOf("gpt-4o-2024-08-06").orElseThrow().inputPerMillion());
        assertTrue(t.priceOf("o3").isEmpty());
        assertThrows(ValidationException.class, () -> PriceTable.builder().price("m", "-1", "0", "0"));
    }
}
