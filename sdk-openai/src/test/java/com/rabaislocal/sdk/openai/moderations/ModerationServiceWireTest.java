package com.rabaislocal.sdk.openai.moderations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.WireTestBase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModerationServiceWireTest extends WireTestBase {

    @Test
    void resultsKeepOpenCategoryMaps() throws Exception {
        enqueue("{\"id\":\"modr-970d409ef3bef3b70c73d8232df86e7d\",\"model\":\"omni-moderation-latest\",\"results\":["
                + "{\"flagged\":true,\"categories\":{\"sexual\":false,\"harassment\":true,\"illicit/violent\":true,"
                + "\"a-new-category\":false},\"category_scores\":{\"sexual\":2.3e-05,\"harassment\":0.83,"
                + "\"illicit/violent\":0.61,\"a-new-category\":0.0},\"category_applied_input_types\":{\"harassment\":"
                + "[\"text\"],\"illicit/violent\":[\"text\"]}},{\"flagged\":false,\"categories\":{},"
                + "\"category_scores\":{}}]}");
        Moderation m = client.moderations().create(ModerationCreateParams.of("texte 1", "texte 2"));
        assertEquals(json("{\"model\":\"omni-moderation-latest\",\"input\":[\"texte 1\",\"texte 2\"]}"),
                json(take("POST", "/moderations")));
        assertTrue(m.flagged());
        ModerationResult r = m.results().get(0);
        assertEquals(Set.of("harassment", "illicit/violent"), r.flaggedCategories());
        assertEquals(0.83, r.categoryScores().get("harassment"));
        assertTrue(r.categories().containsKey("a-new-category"));
        assertEquals(List.of("text"), r.categoryAppliedInputTypes().get("harassment"));
        assertFalse(m.results().get(1).flagged());
    }

    @Test
    void emptyInputIsRefusedBeforeAnyRequest() {
        assertThrows(ValidationException.class, () -> new ModerationCreateParams(" ", List.of()));
        assertEquals(0, server.getRequestCount());
    }
}
