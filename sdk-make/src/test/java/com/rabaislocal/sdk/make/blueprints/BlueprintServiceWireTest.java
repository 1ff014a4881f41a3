package com.rabaislocal.sdk.make.blueprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.make.MakeWire;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueprintServiceWireTest {

    static final String BLUEPRINT = "{\"name\":\"Coupons\",\"flow\":[{\"id\":1,\"module\":\"gateway:CustomWebHook\","
            + "\"version\":1,\"parameters\":{\"hook\":881,\"maxResults\":1},\"metadata\":{\"designer\":{\"x\":0,\"y\":0}}},"
            + "{\"id\":2,\"module\":\"builtin:BasicRouter\",\"routes\":[{\"flow\":[{\"id\":3,\"module\":\"http:ActionSendData\","
            + "\"onerror\":[{\"id\":4,\"module\":\"builtin:Ignore\"}]}]}]}],"
            + "\"metadata\":{\"version\":1,\"scenario\":{\"roundtrips\":1,\"maxErrors\":3}}}";

    private final MakeWire wire;

    BlueprintServiceWireTest() throws Exception {
        wire = new MakeWire();
    }

    @AfterEach
    void close() throws Exception {
        wire.close();
    }

    @Test
    void theCurrentBlueprintWithItsSchedulingAndEveryModule() throws Exception {
        wire.enqueue(200, "{\"code\":\"OK\",\"response\":{\"blueprint\":" + BLUEPRINT + ",\"scheduling\":"
                + "{\"type\":\"indefinitely\",\"interval\":900},\"idSequence\":5,\"created\":\"2026-06-01T00:00:00.000Z\","
                + "\"last_edit\":\"2026-07-01T00:00:00.000Z\"}}");
        Blueprint b = wire.client.blueprints().get(5);
        assertEquals("Coupons", b.name());
        assertEquals(900, b.scheduling().path("interval").asInt());
        assertEquals(List.of(1L, 2L, 3L, 4L), b.modules().stream().map(Blueprint.Module::id).toList());
        assertEquals("http:ActionSendData", b.modules().get(2).module());
        assertEquals("/api/v2/scenarios/5/blueprint", wire.take().getTarget());
    }

    @Test
    void aVersionAndTheListOfVersions() throws Exception {
        wire.enqueue(200, "{\"code\":\"OK\",\"response\":{\"blueprint\":" + BLUEPRINT + "}}");
        assertEquals(7L, wire.client.blueprints().get(5, 7).version().orElseThrow());
        assertEquals("/api/v2/scenarios/5/blueprint?blueprintId=7", wire.take().getTarget());
        wire.enqueue(200, "{\"scenariosBlueprints\":[{\"version\":7,\"created\":\"2026-07-01T00:00:00.000Z\","
                + "\"scenarioId\":5,\"draft\":false},{\"version\":8,\"scenarioId\":5,\"draft\":true}]}");
        List<BlueprintVersion> v = wire.client.blueprints().versions(5);
        assertEquals(List.of(7L, 8L), v.stream().map(BlueprintVersion::version).toList());
        assertEquals(true, v.get(1).draft());
        assertEquals("/api/v2/scenarios/5/blueprints", wire.take().getTarget());
    }

    @Test
    void aBlueprintWithoutFlowDoesNotFit() {
        wire.enqueue(200, "{\"code\":\"OK\",\"response\":{\"blueprint\":{\"name\":\"x\"}}}");
        assertThrows(UnexpectedResponseException.class, () -> wire.client.blueprints().get(5));
    }
}
