package com.rabaislocal.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabaislocal.sdk.monitoring.health.HealthResult;
import com.rabaislocal.sdk.monitoring.health.HealthStatus;
import com.rabaislocal.sdk.testing.make.MakeStandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The doctor offline: every stand-in checked and up, the seed's alerts evaluated, the calls' metrics printed. */
class DoctorTest {

    @Test
    void offlineEveryServiceIsCheckedOnItsStandInAndTheMetricsAreShown() {
        assumeTrue(System.getenv("SUPABASE_URL") == null && System.getenv("GOAFFPRO_API_KEY") == null
                        && System.getenv("MAKE_API_TOKEN") == null
                        && System.getenv("MAILERSEND_API_KEY") == null && System.getenv("OPENAI_API_KEY") == null && !Files.exists(Path.of(".env")),
                "this test checks the offline run: unset the services' variables and remove ./.env");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Doctor.Report report = Doctor.runFromProcess(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);

        assertEquals(List.of("supabase", "goaffpro", "mailersend", "openai", "make"), report.health().stream().map(HealthResult::name).toList());
        for (HealthResult r : report.health()) {
            assertEquals(HealthStatus.UP, r.status(), r.name() + ": " + r.reason());
        }
        // The Make stand-in's sample data has a scenario that failed 5 times in a row: the seed's critical alert.
        assertTrue(report.alerts().stream().anyMatch(a -> a.rule().equals("make-workflow-failures")), text);
        assertFalse(report.healthy());
        for (String service : List.of("supabase", "goaffpro", "mailersend", "openai", "make")) {
            assertTrue(report.meters().stream().anyMatch(m -> m.startsWith("rabaislocal.sdk.requests{")
                    && m.contains("service=" + service)), "no request metric for " + service + ":\n" + text);
        }
        assertTrue(text.contains("Alerts that would fire now:"), text);
        assertFalse(text.contains(MakeStandIn.TOKEN), "a token was printed:\n" + text);
        assertFalse(text.contains("eyJ") || text.contains("sb_secret_"), "a key was printed:\n" + text);
    }
}
