package com.rabaislocal.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.testing.goaffpro.GoAffProStandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoAffProWalkthroughTest {

    @Test
    void runsTheAffiliateFlowOnTheStandInAndIsSafeToRunTwice() throws Exception {
        try (GoAffProStandIn standIn = GoAffProStandIn.start("t0ken");
             GoAffProClient client = GoAffProClient.builder().baseUrl(standIn.baseUrl())
                     .credential(CredentialProvider.of("t0ken")).build()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

            GoAffProWalkthrough.Result first = GoAffProWalkthrough.run(client, out);
            assertEquals(new BigDecimal("5.80"), first.paid().orElseThrow().amount());
            assertEquals(1, standIn.orderCount());
            assertEquals(1, standIn.paymentCount());

            GoAffProWalkthrough.Result second = GoAffProWalkthrough.run(client, out);
            assertEquals(first.affiliateId(), second.affiliateId());
            assertEquals(first.orderId(), second.orderId());
            assertEquals(1, standIn.orderCount(), "the dedupe check kept the order single");
            assertTrue(second.paid().isEmpty());

            String text = printed.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("[4/4] Mark one payout paid"), text);
            assertTrue(text.contains("already enrolled"), text);
            assertFalse(text.contains("t0ken"), text);
        }
    }

    @Test
    void runFromProcessUsesTheStandInOffline() {
        assumeTrue(System.getenv("GOAFFPRO_API_KEY") == null && System.getProperty("GOAFFPRO_API_KEY") == null,
                "this test checks the offline run: unset GOAFFPRO_API_KEY");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        GoAffProWalkthrough.runFromProcess(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Target: local GoAffPro stand-in at http://127.0.0.1:"));
    }
}
