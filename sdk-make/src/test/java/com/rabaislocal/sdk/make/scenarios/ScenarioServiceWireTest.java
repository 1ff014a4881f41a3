package com.rabaislocal.sdk.make.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.make.MakeWire;
import com.rabaislocal.sdk.make.executions.ExecutionStatus;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScenarioServiceWireTest {

    private final MakeWire wire;

    ScenarioServiceWireTest() throws Exception {
        wire = new MakeWire();
    }

    @AfterEach
    void close() throws Exception {
        wire.close();
    }

    private static String scenario(long id, String name, boolean active) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"teamId\":42,\"isActive\":" + active
                + ",\"isinvalid\":false,\"islocked\":false,\"isPaused\":false,\"scheduling\":{\"type\":\"on-demand\"},"
                + "\"lastEdit\":\"2026-07-02T10:15:30.123Z\",\"@kindId\":1}";
    }

    @Test
    void listPagesWithMakesPgParametersUntilAShortPage() throws Exception {
        wire.enqueue(200, "{\"scenarios\":[" + scenario(1, "A", true) + "," + scenario(2, "B", false)
                + "],\"pg\":{\"sortBy\":\"id\",\"sortDir\":\"asc\",\"limit\":2,\"offset\":0,\"returnTotalCount\":false}}");
        wire.enqueue(200, "{\"scenarios\":[" + scenario(3, "C", true) + "],\"pg\":{\"limit\":2,\"offset\":2}}");
        List<Scenario> all = wire.client.scenarios().list(ScenarioListParams.builder().pageSize(2).active(true)
                .folderId(7).build()).toList();
        assertEquals(List.of(1L, 2L, 3L), all.stream().map(Scenario::id).toList());
        Scenario a = all.get(0);
        assertEquals("A", a.name());
        assertTrue(a.active());
        assertEquals("on-demand", a.schedulingType());
        assertEquals(42, a.teamId());
        assertTrue(a.lastEdit().isPresent());

        RecordedRequest first = wire.take();
        assertEquals("GET", first.getMethod());
        assertEquals("/api/v2/scenarios?teamId=42&folderId=7&isActive=true&pg%5BsortBy%5D=id&pg%5BsortDir%5D=asc"
                + "&pg%5Boffset%5D=0&pg%5Blimit%5D=2", first.getTarget());
        MakeWire.assertMakeHeaders(first);
        assertEquals("/api/v2/scenarios?teamId=42&folderId=7&isActive=true&pg%5BsortBy%5D=id&pg%5BsortDir%5D=asc"
                + "&pg%5Boffset%5D=2&pg%5Blimit%5D=2", wire.take().getTarget());
        assertEquals(2, wire.server.getRequestCount());
    }

    @Test
    void getReadsTheWrappedScenario() throws Exception {
        wire.enqueue(200, "{\"scenario\":" + scenario(5, "Coupons", false) + "}");
        Scenario s = wire.client.scenarios().get(5);
        assertEquals(5, s.id());
        assertFalse(s.active());
        assertEquals("/api/v2/scenarios/5", wire.take().getTarget());
    }

    @Test
    void aScenarioWithoutIdIsAnUnexpectedResponse() {
        wire.enqueue(200, "{\"scenario\":{\"name\":\"no id\"}}");
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> wire.client.scenarios().get(5));
        assertTrue(e.getMessage().contains("'id'"), e.getMessage());
        wire.enqueue(200, "{\"scenarios\":{}}");
        assertThrows(UnexpectedResponseException.class, () -> wire.client.scenarios().list().toList());
    }

    @Test
    void activateAndDeactivatePostToStartAndStop() throws Exception {
        wire.enqueue(200, "{\"scenario\":{\"id\":5,\"isActive\":true,\"islinked\":true}}");
        assertEquals(new ScenarioActivation(5, true, true), wire.client.scenarios().activate(5));
        RecordedRequest r = wire.take();
        assertEquals("POST", r.getMethod());
        assertEquals("/api/v2/scenarios/5/start", r.getTarget());
        MakeWire.assertMakeHeaders(r);

        wire.enqueue(200, "{\"scenario\":{\"id\":5,\"isActive\":false,\"islinked\":false}}");
        assertEquals(new ScenarioActivation(5, false, true), wire.client.scenarios().deactivate(5));
        assertEquals("/api/v2/scenarios/5/stop", wire.take().getTarget());
    }

    @Test
    void anAlreadyHeldStateIsReportedUnchanged() {
        wire.enqueue(400, "{\"detail\":\"Scenario is already running.\",\"message\":\"Bad Request\",\"code\":\"SC400\"}");
        assertEquals(new ScenarioActivation(5, true, false), wire.client.scenarios().activate(5));
        wire.enqueue(400, "{\"detail\":\"Scenario is not running.\",\"message\":\"Bad Request\",\"code\":\"SC400\"}");
        assertEquals(new ScenarioActivation(5, false, false), wire.client.scenarios().deactivate(5));
    }

    @Test
    void runSendsDataAndResponsiveExplicitly() throws Exception {
        wire.enqueue(200, "{\"executionId\":\"0123456789abcdef0123456789abcdef\",\"statusUrl\":"
                + "\"https://eu1.make.com/api/v2/scenarios/5/executions/0123456789abcdef0123456789abcdef\"}");
        RunResult r = wire.client.scenarios().run(5, RunParams.builder().data(Map.of("number", 3)).build());
        assertEquals("0123456789abcdef0123456789abcdef", r.executionId());
        assertEquals("https://eu1.make.com/api/v2/scenarios/5/executions/0123456789abcdef0123456789abcdef",
                r.statusUrl().orElseThrow());
        assertEquals(ExecutionStatus.UNKNOWN, r.status());
        RecordedRequest req = wire.take();
        assertEquals("POST", req.getMethod());
        assertEquals("/api/v2/scenarios/5/run", req.getTarget());
        assertEquals("{\"data\":{\"number\":3},\"responsive\":false}", MakeWire.body(req));
        assertTrue(req.getHeaders().get("Content-Type").startsWith("application/json"));
        MakeWire.assertMakeHeaders(req);
    }

    @Test
    void aResponsiveRunReturnsStatusAndOutputs() throws Exception {
        wire.enqueue(200, "{\"executionId\":\"0123456789abcdef0123456789abcdef\",\"status\":1,"
                + "\"outputs\":{\"coupon\":\"RABAIS10\"}}");
        RunResult r = wire.client.scenarios().run(5, RunParams.builder().responsive(true).build());
        assertEquals(ExecutionStatus.SUCCESS, r.status());
        assertEquals("RABAIS10", r.outputs().path("coupon").asText());
        assertTrue(r.statusUrl().isEmpty());
        assertEquals("{\"responsive\":true}", MakeWire.body(wire.take()));
    }

    @Test
    void aRunAnswerWithoutExecutionIdIsAnUnexpectedResponse() {
        wire.enqueue(200, "{\"statusUrl\":\"x\"}");
        assertThrows(UnexpectedResponseException.class, () -> wire.client.scenarios().run(5));
    }

    @Test
    void executionReadsTheStatusOfARun() throws Exception {
        wire.enqueue(200, "{\"status\":\"ERROR\",\"error\":{\"name\":\"BundleValidationError\","
                + "\"message\":\"Validation failed for 2 parameter(s).\",\"causeModule\":{\"name\":\"http\"}}}");
        Execution e = wire.client.scenarios().execution(5, "0123456789abcdef0123456789abcdef");
        assertEquals(ExecutionStatus.ERROR, e.status());
        assertEquals("BundleValidationError", e.error().orElseThrow().name());
        assertEquals("/api/v2/scenarios/5/executions/0123456789abcdef0123456789abcdef", wire.take().getTarget());
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyRequest() {
        assertThrows(ValidationException.class, () -> wire.client.scenarios().get(0));
        assertThrows(ValidationException.class, () -> wire.client.scenarios().execution(5, "../../users"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> ScenarioListParams.builder().pageSize(0).folderId(-1).build());
        assertEquals(2, e.fieldErrors().size(), e.getMessage());
        assertThrows(ValidationException.class, () -> RunParams.builder().data(List.of(1)).build());
        assertThrows(ValidationException.class, () -> RunParams.builder().callbackUrl("http://x.example").build());
        assertEquals(0, wire.server.getRequestCount());
    }
}
