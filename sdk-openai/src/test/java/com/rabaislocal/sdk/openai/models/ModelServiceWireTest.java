package com.rabaislocal.sdk.openai.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.openai.WireTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelServiceWireTest extends WireTestBase {

    @Test
    void listAndRetrieve() throws Exception {
        enqueue("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1721172741,"
                + "\"owned_by\":\"system\"},{\"id\":\"text-embedding-3-small\",\"object\":\"model\",\"created\":1705948997,"
                + "\"owned_by\":\"system\"}]}");
        List<Model> models = client.models().list();
        take("GET", "/models");
        assertEquals(List.of("gpt-4o-mini", "text-embedding-3-small"), models.stream().map(Model::id).toList());
        assertEquals("system", models.get(0).ownedBy());
        enqueue("{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1721172741,\"owned_by\":\"system\"}");
        assertEquals(1721172741L, client.models().retrieve("gpt-4o-mini").created());
        take("GET", "/models/gpt-4o-mini");
    }

    @Test
    void unknownModelAndWrongShape() {
        enqueue(404, "{\"error\":{\"message\":\"The model 'gpt-9' does not exist\",\"type\":\"invalid_request_error\","
                + "\"param\":\"model\",\"code\":\"model_not_found\"}}");
        assertThrows(NotFoundException.class, () -> client.models().retrieve("gpt-9"));
        enqueue("{\"object\":\"list\"}");
        assertThrows(UnexpectedResponseException.class, () -> client.models().list());
    }
}
