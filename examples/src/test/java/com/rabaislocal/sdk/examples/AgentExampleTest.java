package com.rabaislocal.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabaislocal.sdk.openai.agents.AgentRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent step runs offline: the tool lists the live offers and the answer is in French. */
class AgentExampleTest {

    @Test
    void theFindDealsAgentCallsTheToolAndAnswersInFrench() {
        assumeTrue(System.getenv("OPENAI_API_KEY") == null && System.getProperty("OPENAI_API_KEY") == null,
                "this test checks the offline run: unset OPENAI_API_KEY");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AgentRun run = AgentExample.runFromProcess(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(AgentRun.Outcome.COMPLETED, run.outcome());
        assertEquals(2, run.steps().size());
        assertEquals("list_live_offers", run.steps().get(0).toolCalls().get(0).tool());
        assertTrue(run.answer().startsWith("Voici les rabais en cours à Québec"), run.answer());
        // Only Québec's live offers: the expired one and Montréal's are left out.
        assertTrue(run.answer().contains("croissants") && run.answer().contains("café"), run.answer());
        assertTrue(!run.answer().contains("tarte") && !run.answer().contains("bagels"), run.answer());
        assertTrue(run.costValue().isPresent());
        for (String expected : List.of("== 7. AI agent \"find deals\"", "Target: local OpenAI stand-in",
                "tool list_live_offers", "[2/2] Answer (COMPLETED): Voici", "agent_run")) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in:\n" + text);
        }
        assertTrue(!text.contains("sk-example-standin-key"), "the key was printed");
    }
}
